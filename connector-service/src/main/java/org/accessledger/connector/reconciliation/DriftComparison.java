package org.accessledger.connector.reconciliation;

import org.accessledger.connector.account.DesiredAccess;
import org.accessledger.connector.account.DriftKind;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.connector.spi.AccountState;
import org.accessledger.connector.targets.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what a target holds for one account with what the access decisions ask, and names every difference.
 * Values are compared literally: nothing here is a filter or a pattern.
 */
final class DriftComparison {

    static final String NOT_GRANTED = "not granted by the access policy";

    private final Target target;
    private final Set<String> listedAttributes;

    DriftComparison(Target target, Set<String> listedAttributes) {
        this.target = target;
        this.listedAttributes = listedAttributes;
    }

    /**
     * The differences of an account the target holds. {@code person} is the worker's details as HR gave them, or
     * {@code null} when AccessLedger knows no such worker; {@code desired} is {@code null} when nothing was ever decided.
     */
    List<Finding> compare(AccountState account, AccountSpec person, DesiredAccess desired) {
        if (person == null && desired == null) {
            return List.of(new Finding(DriftKind.ORPHAN_ACCOUNT, null, "no account", account.disabled() ? "DISABLED" : "ACTIVE",
                    "no worker owns " + account.workerId()));
        }
        if (desired != null && DesiredAccess.ERASED.equals(desired.account())) {
            return List.of(new Finding(DriftKind.ORPHAN_ACCOUNT, null, "no account", account.disabled() ? "DISABLED" : "ACTIVE",
                    "the personal data of " + account.workerId() + " was erased"));
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, DesiredAccess.Reason> wanted = desired == null ? Map.of() : desired.in(target);
        boolean wantedActive = desired != null && desired.active();
        if (desired != null && !desired.active() && !account.disabled()) {
            findings.add(new Finding(DriftKind.ACCOUNT_NOT_DISABLED, null, DesiredAccess.DISABLED, "ACTIVE", String.valueOf(desired.accountReason())));
        }
        if (wantedActive && account.disabled() && !wanted.isEmpty()) {
            findings.add(new Finding(DriftKind.MISSING_ACCOUNT, null, DesiredAccess.ACTIVE, "DISABLED", String.valueOf(desired.accountReason())));
            return findings; // enabling it again brings every entitlement and attribute with it
        }
        Set<String> held = new TreeSet<>(account.entitlements());
        if (wantedActive && !account.disabled()) {
            wanted.forEach((entitlement, reason) -> {
                if (!held.contains(entitlement)) {
                    findings.add(new Finding(DriftKind.MISSING_ENTITLEMENT, entitlement, "held", "not held", reason.toString()));
                }
            });
        }
        for (String entitlement : held) {
            if (target.settings().carries(entitlement) && !wanted.containsKey(entitlement)) {
                findings.add(new Finding(DriftKind.EXTRA_ENTITLEMENT, entitlement, "not held", "held", NOT_GRANTED));
            }
        }
        if (wantedActive && !account.disabled() && person != null) {
            person.attributes().forEach((attribute, expected) -> {
                String actual = account.attributes().get(attribute);
                if (listedAttributes.contains(attribute) && !expected.equals(actual)) {
                    findings.add(new Finding(DriftKind.ATTRIBUTE_DRIFT, attribute, expected, actual, "HR record of " + person.workerId()));
                }
            });
        }
        return findings;
    }

    /** A worker who should have an active account here and has none. */
    Finding missing(DesiredAccess desired) {
        return new Finding(DriftKind.MISSING_ACCOUNT, null, DesiredAccess.ACTIVE + " with " + String.join(", ", desired.in(target).keySet()),
                "no account", String.valueOf(desired.accountReason()));
    }

    /** Whether the worker should have an active account in this target. */
    boolean wantsAccount(DesiredAccess desired) {
        return desired.active() && !desired.in(target).isEmpty();
    }
}
