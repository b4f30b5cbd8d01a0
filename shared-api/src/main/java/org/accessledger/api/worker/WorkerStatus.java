package org.accessledger.api.worker;

/**
 * Lifecycle state of a worker: {@code PRE_HIRE → ACTIVE ⇄ ON_LEAVE → TERMINATED → (rehire) PRE_HIRE},
 * and {@code PRE_HIRE → HIRE_CANCELLED} for a no-show.
 */
public enum WorkerStatus {
    PRE_HIRE,
    ACTIVE,
    ON_LEAVE,
    TERMINATED,
    HIRE_CANCELLED;

    /** Whether the worker is (or is about to be) employed, and so holds an identity others may not reuse. */
    public boolean holdsIdentity() {
        return this == PRE_HIRE || this == ACTIVE || this == ON_LEAVE;
    }
}
