package org.accessledger.connector.reconciliation;

import org.accessledger.connector.account.DesiredAccess;
import org.accessledger.connector.account.DriftKind;
import org.accessledger.connector.scim.ScimSettings;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.connector.spi.AccountState;
import org.accessledger.connector.spi.LocalGroupIds;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.TargetSettings;
import org.accessledger.connector.targets.Targets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DriftComparisonTest {

    private static final DesiredAccess.Reason SALES = new DesiredAccess.Reason("AccessGranted", "hr-1", "sales", 3L);
    private static final DesiredAccess.Reason LEFT = new DesiredAccess.Reason("WorkerTerminated", "hr-9", null, null);
    private static final AccountSpec ADA = new AccountSpec("E1", "Ada", "Lovelace", "ada@example.com", "EMPLOYEE", "Sales", null);

    // Constructing a target opens no connection.
    private final Targets targets = new Targets(Map.of("crm", TargetSettings.ofScim(List.of("crm:*"),
            new ScimSettings("http://127.0.0.1:9/scim/v2", "unused", "{entitlement}", Map.of(), true), TargetSettings.Retry.DEFAULT)),
            name -> new LocalGroupIds());
    private final Target crm = targets.named("crm").orElseThrow();
    private final DriftComparison comparison = new DriftComparison(crm, Set.of(AccountSpec.GIVEN_NAME, AccountSpec.FAMILY_NAME, AccountSpec.EMAIL));

    @AfterEach
    void close() {
        targets.close();
    }

    @Test
    void anAccountAsDesiredHasNoFindings() {
        assertThat(comparison.compare(account(false, Set.of("crm:user"), ADA.attributes()), ADA, active(Map.of("crm:user", SALES)))).isEmpty();
    }

    @Test
    void aMissingGrantIsNamedWithTheReasonOfItsGrant() {
        assertThat(comparison.compare(account(false, Set.of(), ADA.attributes()), ADA, active(Map.of("crm:user", SALES))))
                .containsExactly(new Finding(DriftKind.MISSING_ENTITLEMENT, "crm:user", "held", "not held",
                        "AccessGranted of HR event hr-1, rule sales, policy version 3"));
    }

    @Test
    void aMembershipAddedByHandIsExtraButOnlyForEntitlementsTheTargetCarries() {
        assertThat(comparison.compare(account(false, Set.of("crm:user", "crm:admin", "vpn:user"), ADA.attributes()), ADA, active(Map.of("crm:user", SALES))))
                .containsExactly(new Finding(DriftKind.EXTRA_ENTITLEMENT, "crm:admin", "not held", "held", DriftComparison.NOT_GRANTED));
    }

    @Test
    void anAccountLeftOfAWorkerWhosePersonalDataWasErasedIsAnOrphan() {
        DesiredAccess erased = new DesiredAccess("E1", DesiredAccess.ERASED, new DesiredAccess.Reason("PersonalDataErased", null, null, null), Map.of());
        assertThat(comparison.compare(account(true, Set.of(), Map.of()), ADA, erased)).extracting(Finding::kind, Finding::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DriftKind.ORPHAN_ACCOUNT, "the personal data of E1 was erased"));
    }

    @Test
    void aLeaverEnabledByHandIsNotDisabledAndItsGroupsAreExtra() {
        DesiredAccess left = new DesiredAccess("E1", DesiredAccess.DISABLED, LEFT, Map.of());
        assertThat(comparison.compare(account(false, Set.of("crm:user"), ADA.attributes()), ADA, left)).extracting(Finding::kind, Finding::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DriftKind.ACCOUNT_NOT_DISABLED, "WorkerTerminated of HR event hr-9"),
                        org.assertj.core.groups.Tuple.tuple(DriftKind.EXTRA_ENTITLEMENT, DriftComparison.NOT_GRANTED));
    }

    @Test
    void aDisabledAccountOfAnActiveWorkerIsMissingWithNothingElseToSay() {
        assertThat(comparison.compare(account(true, Set.of(), Map.of()), ADA, active(Map.of("crm:user", SALES))))
                .extracting(Finding::kind).containsExactly(DriftKind.MISSING_ACCOUNT);
    }

    @Test
    void attributesAreComparedLiterallyAndOnlyThoseTheTargetKeeps() {
        Map<String, String> held = Map.of(AccountSpec.GIVEN_NAME, "ada", AccountSpec.FAMILY_NAME, "Lovelace");
        assertThat(comparison.compare(account(false, Set.of("crm:user"), held), ADA, active(Map.of("crm:user", SALES))))
                .extracting(Finding::kind, Finding::subject, Finding::expected, Finding::actual)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(DriftKind.ATTRIBUTE_DRIFT, AccountSpec.GIVEN_NAME, "Ada", "ada"),
                        org.assertj.core.groups.Tuple.tuple(DriftKind.ATTRIBUTE_DRIFT, AccountSpec.EMAIL, "ada@example.com", null));
    }

    @Test
    void anAccountOfNoKnownWorkerIsAnOrphan() {
        assertThat(comparison.compare(new AccountState("svc-backup", "svc-backup", false, Set.of("crm:user"), Map.of()), null, null))
                .extracting(Finding::kind).containsExactly(DriftKind.ORPHAN_ACCOUNT);
    }

    @Test
    void aWorkerWantsAnAccountOnlyWhileActiveWithSomethingTheTargetCarries() {
        assertThat(comparison.wantsAccount(active(Map.of("crm:user", SALES)))).isTrue();
        assertThat(comparison.wantsAccount(active(Map.of("vpn:user", SALES)))).isFalse();
        assertThat(comparison.wantsAccount(new DesiredAccess("E1", DesiredAccess.DISABLED, LEFT, Map.of("crm:user", SALES)))).isFalse();
    }

    private static DesiredAccess active(Map<String, DesiredAccess.Reason> entitlements) {
        return new DesiredAccess("E1", DesiredAccess.ACTIVE, SALES, entitlements);
    }

    private static AccountState account(boolean disabled, Set<String> entitlements, Map<String, String> attributes) {
        return new AccountState("E1", "E1", disabled, entitlements, attributes);
    }
}
