package org.accessledger.connector.targets;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * A target's mass-change safeguard ({@code accessledger.targets.<name>.safeguard}): disables, deletes and entitlement
 * removals are counted over a sliding {@code window}; past {@code maxDeprovisions} of them, or past
 * {@code maxPercent} of the accounts the target held at its last reconciliation (for targets of at least
 * {@code percentFromAccounts} accounts), the target holds further deprovisioning until an ADMIN releases it. Defaults
 * after Entra's 500-deletion threshold and Okta's 20 % import safeguard.
 */
public record SafeguardSettings(@DefaultValue("500") int maxDeprovisions,
                                @DefaultValue("20") int maxPercent,
                                @DefaultValue("PT1H") Duration window,
                                @DefaultValue("100") int percentFromAccounts) {

    public static final SafeguardSettings DEFAULT = new SafeguardSettings(500, 20, Duration.ofHours(1), 100);

    public SafeguardSettings {
        if (maxDeprovisions < 1 || maxPercent < 1 || maxPercent > 100 || window.isNegative() || window.isZero() || window.toMinutes() < 1) {
            throw new IllegalArgumentException("safeguard: max-deprovisions must be at least 1, max-percent 1 to 100, window at least PT1M");
        }
    }

    /** How many deprovisioning operations the window allows, given the accounts the target held at its last reconciliation. */
    public int limit(long accounts) {
        if (accounts < percentFromAccounts) {
            return maxDeprovisions;
        }
        return (int) Math.min(maxDeprovisions, Math.max(1, accounts * maxPercent / 100));
    }
}
