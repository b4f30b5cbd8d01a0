package org.accessledger.api.worker;

/** The kinds of worker change that can be scheduled for a future instant. */
public enum ChangeType {
    START,
    ASSIGNMENT_CHANGE,
    LEAVE_START,
    LEAVE_END,
    TERMINATION,
    CONTRACT_END
}
