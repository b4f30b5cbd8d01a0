package org.accessledger.connector.spi;

/** Disables an account the way the target is configured to (remove memberships and mark, move, or delete); nothing if there is none. */
public interface DisableAccountOp {

    TargetAnswer disableAccount(String workerId);

    /** True when a disabled account keeps no entitlement, so a revocation after the disable has nothing to remove. */
    default boolean disablingRemovesEntitlements() {
        return false;
    }
}
