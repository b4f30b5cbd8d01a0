package org.accessledger.connector.account;

/** How what a target holds differs from what the access decisions ask. */
public enum DriftKind {
    /** The worker should have an active account and the target has none, or only a disabled one. */
    MISSING_ACCOUNT,
    /** An account under the managed base that no worker owns. */
    ORPHAN_ACCOUNT,
    /** Enabled, though the worker's employment ended (terminated, contract expired, hire cancelled). */
    ACCOUNT_NOT_DISABLED,
    MISSING_ENTITLEMENT,
    /** A managed group holds someone the policy did not grant it to. */
    EXTRA_ENTITLEMENT,
    /** A person's detail (name, mail, department, …) differs from HR. */
    ATTRIBUTE_DRIFT;

    /** Whether repairing it takes access away, and so passes the mass-change safeguard. */
    public boolean repairDeprovisions() {
        return this == ACCOUNT_NOT_DISABLED || this == EXTRA_ENTITLEMENT || this == ORPHAN_ACCOUNT;
    }
}
