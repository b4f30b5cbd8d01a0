package org.accessledger.connector.account;

import org.accessledger.api.worker.WorkerId;
import org.accessledger.connector.spi.TargetAnswer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class TargetAccountTest {

    private static final WorkerId ADA = WorkerId.of("E1001");
    private static final String ID = TargetAccounts.idOf("corp-ldap", "E1001");
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private AggregateTestFixture<TargetAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TargetAccount.class);
    }

    @Test
    void aSuccessIsRecordedWithTheTargetsAnswer() {
        TargetAnswer answer = TargetAnswer.account(false);
        fixture.givenNoPriorActivity()
                .when(new RecordOutcome(ID, "corp-ldap", ADA, Operation.CREATE_ACCOUNT, null, true, 1, null, null, answer, "cause-1", AT))
                .expectEvents(new ProvisioningSucceeded(ADA, "corp-ldap", Operation.CREATE_ACCOUNT, null, 1, "cause-1", AT, answer));
    }

    @Test
    void aFailureIsRecordedWithItsCodeAndAttempts() {
        fixture.given(new ProvisioningSucceeded(ADA, "corp-ldap", Operation.CREATE_ACCOUNT, null, 1, "cause-1", AT, TargetAnswer.account(false)))
                .when(new RecordOutcome(ID, "corp-ldap", ADA, Operation.UPDATE_ACCOUNT, null, false, 6, "owned by E1002",
                        "ACCOUNT_OWNED_BY_OTHER_WORKER", null, "cause-2", AT))
                .expectEvents(new ProvisioningFailed(ADA, "corp-ldap", Operation.UPDATE_ACCOUNT, null, 6, "owned by E1002",
                        "ACCOUNT_OWNED_BY_OTHER_WORKER", "cause-2", AT));
    }

    @Test
    void aFindingAndWhatBecameOfItsRepairGoOnTheAccount() {
        DriftFound finding = new DriftFound("run-1-1", "run-1", ADA, "corp-ldap", "E1001", DriftKind.MISSING_ENTITLEMENT, "vpn:user",
                "held", "not held", "AccessGranted of HR event hr-1", true, AT);
        DriftRepaired repaired = new DriftRepaired("run-1-1", "run-1", ADA, "corp-ldap", DriftRepaired.Outcome.REPAIRED, AT);

        fixture.givenNoPriorActivity().when(new RecordDrift(finding)).expectEvents(finding);
        fixture.given(finding).when(new RecordRepair(repaired)).expectEvents(repaired);
    }
}
