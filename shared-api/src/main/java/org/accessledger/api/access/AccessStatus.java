package org.accessledger.api.access;

/** The state of one entitlement of one worker. */
public enum AccessStatus {
    GRANTED,
    PENDING_APPROVAL,
    SUSPENDED
}
