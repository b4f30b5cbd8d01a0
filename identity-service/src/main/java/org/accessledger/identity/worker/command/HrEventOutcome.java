package org.accessledger.identity.worker.command;

/** What handling an HR command did. A refused command is signalled by an exception instead. */
public enum HrEventOutcome {
    /** The command was new and its events are stored. */
    ACCEPTED,
    /** The worker had already accepted a command with this HR event id; nothing was stored. */
    DUPLICATE
}
