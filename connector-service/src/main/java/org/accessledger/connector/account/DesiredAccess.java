package org.accessledger.connector.account;

import org.accessledger.connector.targets.Target;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the access decisions ask for one worker, in every target alike: the account's state with the reason for it,
 * and each entitlement granted with the reason of its grant.
 *
 * @param account        {@code ACTIVE} once granted anything, {@code DISABLED} after the employment ended
 * @param accountReason  why the account is in that state (the HR event that ended the employment, or the first grant)
 */
public record DesiredAccess(String workerId, String account, Reason accountReason, Map<String, Reason> entitlements) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
    /** The worker's personal data was erased: no account should hold it any more. */
    public static final String ERASED = "ERASED";

    /**
     * Why something is wanted: the deciding event's type, its HR event, and for a grant the policy rule and version.
     * Said in one line by {@link #toString()}.
     */
    public record Reason(String event, String hrEventId, String ruleId, Long policyVersion) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(event);
            if (hrEventId != null) {
                text.append(" of HR event ").append(hrEventId);
            }
            if (ruleId != null) {
                text.append(", rule ").append(ruleId);
            }
            if (policyVersion != null) {
                text.append(", policy version ").append(policyVersion);
            }
            return text.toString();
        }
    }

    public DesiredAccess {
        entitlements = Map.copyOf(entitlements);
    }

    public boolean active() {
        return ACTIVE.equals(account);
    }

    /** The entitlements of this worker that {@code target} carries, sorted. */
    public Map<String, Reason> in(Target target) {
        Map<String, Reason> carried = new TreeMap<>();
        entitlements.forEach((entitlement, reason) -> {
            if (target.settings().carries(entitlement)) {
                carried.put(entitlement, reason);
            }
        });
        return carried;
    }
}
