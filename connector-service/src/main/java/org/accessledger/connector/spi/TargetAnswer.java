package org.accessledger.connector.spi;

import java.util.Map;

/**
 * What a target said about one account in its answer to an operation: the resource it returned, the result of the
 * request, or a read-back where the protocol returns nothing. A {@code null} field means the answer said nothing about
 * it; callers record this as the account's actual state instead of what they meant the operation to do.
 *
 * @param entitlements      entitlements the answer showed held ({@code true}) or not held ({@code false})
 * @param holdsNothingElse  the answer covered every entitlement the account had: none outside {@code entitlements} is held
 */
public record TargetAnswer(Boolean exists, Boolean disabled, Map<String, Boolean> entitlements, boolean holdsNothingElse) {

    public TargetAnswer {
        entitlements = Map.copyOf(entitlements);
    }

    /** The target has no such account. */
    public static TargetAnswer noAccount() {
        return new TargetAnswer(false, null, Map.of(), true);
    }

    /** The account exists, enabled or disabled as the target said. */
    public static TargetAnswer account(boolean disabled) {
        return new TargetAnswer(true, disabled, Map.of(), false);
    }

    /** The account holds, or does not hold, one entitlement. */
    public static TargetAnswer entitlement(String entitlement, boolean held) {
        return new TargetAnswer(true, null, Map.of(entitlement, held), false);
    }

    /** The account holds no entitlement at all any more (a disable that left every group). */
    public TargetAnswer withNoEntitlements() {
        return new TargetAnswer(exists, disabled, Map.of(), true);
    }
}
