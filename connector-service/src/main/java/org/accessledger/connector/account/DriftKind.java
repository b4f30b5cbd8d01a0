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
    ATTRIBUTE_DRIFT,
    /** The target holds several groups for one entitlement; reported, not merged (revocations leave every one). */
    DUPLICATE_GROUP;
}
