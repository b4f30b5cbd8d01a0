package org.accessledger.connector.account;

import org.accessledger.connector.spi.LocalGroupIds;
import org.accessledger.connector.spi.TargetAnswer;
import org.accessledger.api.access.AccessGranted;
import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerTerminated;
import org.accessledger.connector.ldap.LdapSettings;
import org.accessledger.connector.scim.ScimSettings;
import org.accessledger.connector.targets.TargetSettings;
import org.accessledger.connector.targets.Targets;
import org.accessledger.platform.testing.RecordingMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetAccountsProjectionTest {

    private static final WorkerId ADA = WorkerId.of("E1001");
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final RecordingMongo mongo = new RecordingMongo();
    // Constructing a target opens no connection; this projection never calls one.
    private final Targets targets = new Targets(Map.of(
            "crm", TargetSettings.ofScim(List.of("crm:*"), new ScimSettings("http://127.0.0.1:9/scim/v2", "unused", "{entitlement}", Map.of(), true),
                    TargetSettings.Retry.DEFAULT),
            "corp-ldap", TargetSettings.ofLdap(List.of("*"), new LdapSettings("ldap://127.0.0.1:9", "cn=admin", "unused",
                    "ou=people,dc=example,dc=org", "cn={application}-{entitlement},ou=groups,dc=example,dc=org", Map.of(),
                    LdapSettings.DisableMode.REMOVE_MEMBERSHIPS, null, "cn=nobody", "employeeNumber", true, 500), TargetSettings.Retry.DEFAULT)), target -> new LocalGroupIds());
    private final TargetAccountsProjection projection = new TargetAccountsProjection(mongo.database("target-accounts-test"),
            new DesiredAccessStore(mongo.database("target-accounts-test")), targets);

    @AfterEach
    void stop() {
        targets.close();
        mongo.close();
    }

    @Test
    void aLeaverWithAnAccountInTheTargetIsWantedDisabledThere() {
        projection.on(new AccessGranted(ADA, EntitlementId.of("crm:user"), NOW, AccessReason.of("e-1", HrEventId.of("hr-1"), "sales", 1)));
        projection.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));

        TargetAccountView account = projection.handle(new FindTargetAccountQuery("crm", ADA.value())).orElseThrow();
        assertThat(account.desired().account()).isEqualTo("DISABLED");
        assertThat(account.desired().entitlements()).containsExactly("crm:user");
    }

    @Test
    void aLeaverWithoutAnAccountInTheTargetGetsNoneThere() {
        projection.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));

        assertThat(projection.handle(new FindTargetAccountQuery("crm", ADA.value()))).isEmpty();
    }

    @Test
    void aScimAccountDisabledKeepsItsGroupsUntilTheRevocations() {
        provisioned("crm", Operation.ADD_ENTITLEMENT, "crm:user");
        provisioned("crm", Operation.DISABLE_ACCOUNT, null);

        TargetAccountView.Actual actual = projection.handle(new FindTargetAccountQuery("crm", ADA.value())).orElseThrow().actual();
        assertThat(actual.disabled()).isTrue();
        assertThat(actual.entitlements()).containsExactly("crm:user");

        provisioned("crm", Operation.REMOVE_ENTITLEMENT, "crm:user");
        assertThat(projection.handle(new FindTargetAccountQuery("crm", ADA.value())).orElseThrow().actual().entitlements()).isEmpty();
    }

    @Test
    void actualIsWhatTheTargetAnsweredNotWhatTheOperationMeant() {
        answered("crm", Operation.CREATE_ACCOUNT, null, TargetAnswer.account(false));
        answered("crm", Operation.ADD_ENTITLEMENT, "crm:user", TargetAnswer.entitlement("crm:user", true));
        answered("crm", Operation.ADD_ENTITLEMENT, "crm:admin", TargetAnswer.entitlement("crm:admin", false));
        answered("crm", Operation.REMOVE_ENTITLEMENT, "crm:user", TargetAnswer.entitlement("crm:user", true));

        TargetAccountView.Actual actual = projection.handle(new FindTargetAccountQuery("crm", ADA.value())).orElseThrow().actual();
        assertThat(actual.exists()).isTrue();
        assertThat(actual.entitlements()).as("the group kept the member the removal was meant to take out, and refused the other")
                .containsExactly("crm:user");

        answered("crm", Operation.DISABLE_ACCOUNT, null, TargetAnswer.account(true).withNoEntitlements());
        actual = projection.handle(new FindTargetAccountQuery("crm", ADA.value())).orElseThrow().actual();
        assertThat(actual.disabled()).isTrue();
        assertThat(actual.entitlements()).isEmpty();
    }

    @Test
    void anAccountTheTargetNoLongerHasHoldsNothing() {
        answered("corp-ldap", Operation.ADD_ENTITLEMENT, "crm:user", TargetAnswer.entitlement("crm:user", true));
        answered("corp-ldap", Operation.UPDATE_ACCOUNT, null, TargetAnswer.noAccount());

        TargetAccountView.Actual actual = projection.handle(new FindTargetAccountQuery("corp-ldap", ADA.value())).orElseThrow().actual();
        assertThat(actual.exists()).isFalse();
        assertThat(actual.entitlements()).isEmpty();
    }

    @Test
    void anLdapAccountDisabledHasLeftEveryGroup() {
        provisioned("corp-ldap", Operation.ADD_ENTITLEMENT, "crm:user");
        provisioned("corp-ldap", Operation.DISABLE_ACCOUNT, null);

        TargetAccountView.Actual actual = projection.handle(new FindTargetAccountQuery("corp-ldap", ADA.value())).orElseThrow().actual();
        assertThat(actual.disabled()).isTrue();
        assertThat(actual.entitlements()).isEmpty();
    }

    @Test
    void aGrantALeaverAndTheLookupFindTheAccountByIdAlone() {
        projection.on(new AccessGranted(ADA, EntitlementId.of("crm:user"), NOW, AccessReason.of("e-1", HrEventId.of("hr-1"), "sales", 1)));
        projection.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));
        projection.handle(new FindTargetAccountQuery("crm", ADA.value()));

        assertThat(mongo.selectingCommands()).contains("update", "find");
        assertThat(mongo.selectionsNotByIdAlone()).isEmpty();
    }

    private void answered(String target, Operation operation, String entitlement, TargetAnswer answer) {
        projection.on(new ProvisioningSucceeded(ADA, target, operation, entitlement, 1, "cause-" + operation, NOW, answer));
    }

    /** As recorded before targets answered (revision 1). */
    private void provisioned(String target, Operation operation, String entitlement) {
        projection.on(new ProvisioningSucceeded(ADA, target, operation, entitlement, 1, "cause-" + operation, NOW, null));
    }
}
