package org.accessledger.api;

/** Message metadata AccessLedger carries from an HR event to everything that follows from it. */
public final class MetaDataKeys {

    /**
     * When the HR intake accepted the HR event (ISO-8601 instant). Set on the HR commands; Axon copies it onto every
     * event and command that follows, so a target can measure time-to-provision from it.
     */
    public static final String HR_ACCEPTED_AT = "hrAcceptedAt";

    private MetaDataKeys() {
    }
}
