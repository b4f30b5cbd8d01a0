package org.accessledger.entitlement.policy;

import org.accessledger.api.access.EntitlementId;

/** Segregation of duties: no worker may hold both entitlements. */
public record SodRule(String id, EntitlementId first, EntitlementId second) {

    /** The other side of the pair, if {@code entitlement} is one side. */
    public EntitlementId otherSideOf(EntitlementId entitlement) {
        if (first.equals(entitlement)) {
            return second;
        }
        return second.equals(entitlement) ? first : null;
    }
}
