package org.accessledger.entitlement.profile;

import org.accessledger.api.access.*;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;
import org.accessledger.entitlement.policy.CurrentPolicy;
import org.accessledger.entitlement.policy.PolicyParser;
import org.accessledger.entitlement.policy.PolicyPeriod;
import org.accessledger.entitlement.policy.PolicyVersion;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.accessledger.api.worker.WorkerStatus.*;
import static org.accessledger.platform.testing.Refusals.refusedWith;

class AccessProfileTest {

    static final String POLICY = """
            applications:
              - {id: mail, entitlements: [{id: box}]}
              - {id: vpn, entitlements: [{id: user}]}
              - {id: erp, entitlements: [{id: user}, {id: approver, requiresApproval: true}]}
              - {id: payroll, entitlements: [{id: admin}]}
              - {id: crm, entitlements: [{id: rep}]}
            rules:
              - {id: everyone, entitlements: [mail:box, vpn:user]}
              - {id: finance, when: {department: {equals: Finance}}, entitlements: [erp:user]}
              - {id: treasury, when: {costCenter: {prefix: TRE}}, entitlements: [erp:approver]}
              - {id: payroll, when: {jobCode: {equals: PAYROLL}}, entitlements: [payroll:admin]}
              - {id: sales, when: {department: {equals: Sales}}, entitlements: [crm:rep]}
            segregationOfDuties: [{id: pay-vs-approve, entitlements: [payroll:admin, erp:approver]}]
            leaveSuspends: [vpn:user]
            contractorsNever: [payroll:admin]
            """;

    static final WorkerId ADA = WorkerId.of("E1001");
    static final String PROFILE = AccessProfiles.idOf(ADA);
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2027-02-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    static final HrEventId HIRE = HrEventId.of("hr-hire");
    static final HrEventId MOVE = HrEventId.of("hr-move");
    static final Assignment FINANCE = new Assignment("Finance", "FIN-1", "London", "CC-100", null);
    static final Assignment SALES = new Assignment("Sales", "SALES-1", "London", "CC-200", null);
    static final Assignment TREASURY = new Assignment("Finance", "FIN-2", "London", "TRE-1", null);
    static final Assignment PAYROLL = new Assignment("Finance", "PAYROLL", "London", "CC-100", null);
    static final EntitlementId MAIL = EntitlementId.of("mail:box");
    static final EntitlementId VPN = EntitlementId.of("vpn:user");
    static final EntitlementId ERP = EntitlementId.of("erp:user");
    static final EntitlementId APPROVER = EntitlementId.of("erp:approver");
    static final EntitlementId PAYROLL_ADMIN = EntitlementId.of("payroll:admin");
    static final EntitlementId CRM = EntitlementId.of("crm:rep");

    final AtomicReference<PolicyVersion> policy = new AtomicReference<>(new PolicyVersion(1, "h1", PolicyParser.parse(POLICY)));
    AggregateTestFixture<AccessProfile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessProfile.class);
        fixture.registerInjectableResource((CurrentPolicy) policy::get);
        fixture.registerInjectableResource(new MutableClock(NOW));
    }

    static ApplyWorkerChange change(String cause, HrEventId hr, Instant at, String lifecycleRule, boolean newEmployment,
                                    WorkerStatus status, WorkerType type, Assignment assignment) {
        return new ApplyWorkerChange(PROFILE, ADA, cause, hr, at, lifecycleRule, newEmployment, status, type, assignment);
    }

    static WorkerFactsChanged facts(ApplyWorkerChange change) {
        return new WorkerFactsChanged(ADA, change.causeEventId(), change.effectiveAt(), change.newEmployment(),
                change.status(), change.workerType(), change.assignment());
    }

    static AccessReason reason(String cause, HrEventId hr, String rule) {
        return AccessReason.of(cause, hr, rule, 1);
    }

    static final ApplyWorkerChange HIRED = change("c-hired", HIRE, T0, null, true, PRE_HIRE, WorkerType.EMPLOYEE, FINANCE);
    static final ApplyWorkerChange STARTED = change("c-started", HIRE, T0, null, false, ACTIVE, null, null);

    static Object[] activeInFinance() {
        return new Object[]{facts(HIRED), facts(STARTED),
                new AccessGranted(ADA, MAIL, T0, reason("c-started", HIRE, "everyone")),
                new AccessGranted(ADA, VPN, T0, reason("c-started", HIRE, "everyone")),
                new AccessGranted(ADA, ERP, T0, reason("c-started", HIRE, "finance"))};
    }

    static String approvalId(String cause, EntitlementId entitlement) {
        return UUID.nameUUIDFromBytes((PROFILE + '|' + cause + '|' + entitlement).getBytes(StandardCharsets.UTF_8)).toString();
    }


    @Nested
    class Joiners {

        @Test
        void preHireGetsNothing() {
            fixture.givenNoPriorActivity().when(HIRED).expectEvents(facts(HIRED));
        }

        @Test
        void startGrantsBirthrightsAtTheStartWithTheirReasons() {
            fixture.given(facts(HIRED)).when(STARTED).expectEvents(activeInFinance()[1], activeInFinance()[2], activeInFinance()[3], activeInFinance()[4]);
        }

        @Test
        void repeatedCauseChangesNothing() {
            fixture.given(activeInFinance()).when(STARTED).expectNoEvents();
        }

        @Test
        void cancelledHireGetsNothing() {
            ApplyWorkerChange cancelled = change("c-cancel", HrEventId.of("hr-cancel"), NOW, "hire-cancellation", false, HIRE_CANCELLED, null, null);
            fixture.given(facts(HIRED)).when(cancelled).expectEvents(facts(cancelled));
        }

        @Test
        void contractorNeverGetsForbiddenEntitlements() {
            ApplyWorkerChange hired = change("c-hired", HIRE, T0, null, true, PRE_HIRE, WorkerType.CONTRACTOR, PAYROLL);
            fixture.given(facts(hired)).when(STARTED).expectEvents(facts(STARTED),
                    new AccessGranted(ADA, MAIL, T0, reason("c-started", HIRE, "everyone")),
                    new AccessGranted(ADA, VPN, T0, reason("c-started", HIRE, "everyone")),
                    new AccessGranted(ADA, ERP, T0, reason("c-started", HIRE, "finance")));
        }
    }

    @Nested
    class Movers {

        @Test
        void moverLosesWhatTheOldAssignmentJustifiedAndGainsTheNewAtTheSameInstant() {
            ApplyWorkerChange moved = change("c-move", MOVE, T1, null, false, null, null, SALES);
            fixture.given(activeInFinance()).when(moved).expectEvents(facts(moved),
                    new AccessRevoked(ADA, ERP, T1, reason("c-move", MOVE, "finance")),
                    new AccessGranted(ADA, CRM, T1, reason("c-move", MOVE, "sales")));
        }

        @Test
        void entitlementNeedingApprovalWaitsForIt() {
            ApplyWorkerChange moved = change("c-move", MOVE, T1, null, false, null, null, TREASURY);
            fixture.given(activeInFinance()).when(moved).expectEvents(facts(moved),
                    new ApprovalRequested(ADA, APPROVER, T1, reason("c-move", MOVE, "treasury"), approvalId("c-move", APPROVER)));
        }

        @Test
        void pendingApprovalIsWithdrawnWhenTheWorkerMovesAway() {
            ApplyWorkerChange toTreasury = change("c-move", MOVE, T1, null, false, null, null, TREASURY);
            ApplyWorkerChange back = change("c-back", HrEventId.of("hr-back"), NOW, null, false, null, null, FINANCE);
            String approvalId = approvalId("c-move", APPROVER);
            fixture.given(activeInFinance()).andGiven(facts(toTreasury),
                            new ApprovalRequested(ADA, APPROVER, T1, reason("c-move", MOVE, "treasury"), approvalId))
                    .when(back)
                    .expectEvents(facts(back), new ApprovalWithdrawn(ADA, APPROVER, NOW, reason("c-back", HrEventId.of("hr-back"), "treasury"), approvalId));
        }

        @Test
        void grantThatWouldBreakSegregationOfDutiesIsBlockedAndRecorded() {
            ApplyWorkerChange toPayroll = change("c-payroll", MOVE, T1, null, false, null, null, PAYROLL);
            ApplyWorkerChange alsoTreasury = change("c-tre", HrEventId.of("hr-tre"), NOW, null, false, null, null,
                    new Assignment("Finance", "PAYROLL", "London", "TRE-9", null));
            fixture.given(activeInFinance()).andGiven(facts(toPayroll), new AccessGranted(ADA, PAYROLL_ADMIN, T1, reason("c-payroll", MOVE, "payroll")))
                    .when(alsoTreasury)
                    .expectEvents(facts(alsoTreasury), new SodConflictDetected(ADA, APPROVER, NOW,
                            reason("c-tre", HrEventId.of("hr-tre"), "pay-vs-approve"), PAYROLL_ADMIN));
        }
    }

    @Nested
    class LeaveAndLeavers {

        @Test
        void leaveSuspendsWhatThePolicySaysAndReturnRestoresIt() {
            ApplyWorkerChange leave = change("c-leave", HrEventId.of("hr-leave"), T1, null, false, ON_LEAVE, null, null);
            fixture.given(activeInFinance()).when(leave)
                    .expectEvents(facts(leave), new AccessSuspended(ADA, VPN, T1, reason("c-leave", HrEventId.of("hr-leave"), "leave")));
            ApplyWorkerChange back = change("c-return", HrEventId.of("hr-return"), NOW, null, false, ACTIVE, null, null);
            fixture.given(activeInFinance()).andGiven(facts(leave), new AccessSuspended(ADA, VPN, T1, reason("c-leave", HrEventId.of("hr-leave"), "leave")))
                    .when(back)
                    .expectEvents(facts(back), new AccessRestored(ADA, VPN, NOW, reason("c-return", HrEventId.of("hr-return"), "everyone")));
        }

        @Test
        void terminationRevokesEverythingNamingTheLifecycleRule() {
            HrEventId hr = HrEventId.of("hr-term");
            ApplyWorkerChange terminated = change("c-term", hr, NOW, "termination", false, TERMINATED, null, null);
            fixture.given(activeInFinance()).when(terminated).expectEvents(facts(terminated),
                    new AccessRevoked(ADA, MAIL, NOW, reason("c-term", hr, "termination")),
                    new AccessRevoked(ADA, VPN, NOW, reason("c-term", hr, "termination")),
                    new AccessRevoked(ADA, ERP, NOW, reason("c-term", hr, "termination")));
        }

        @Test
        void contractExpiryRevokesEverything() {
            ApplyWorkerChange expired = change("c-exp", HIRE, NOW, "contract-expiry", false, TERMINATED, null, null);
            fixture.given(activeInFinance()).when(expired).expectEvents(facts(expired),
                    new AccessRevoked(ADA, MAIL, NOW, reason("c-exp", HIRE, "contract-expiry")),
                    new AccessRevoked(ADA, VPN, NOW, reason("c-exp", HIRE, "contract-expiry")),
                    new AccessRevoked(ADA, ERP, NOW, reason("c-exp", HIRE, "contract-expiry")));
        }

        @Test
        void rehireIsEvaluatedAfresh() {
            HrEventId rehire = HrEventId.of("hr-rehire");
            ApplyWorkerChange rehired = change("c-rehired", rehire, NOW, null, true, PRE_HIRE, WorkerType.EMPLOYEE, SALES);
            ApplyWorkerChange restarted = change("c-restarted", rehire, NOW, null, false, ACTIVE, null, null);
            fixture.given(facts(HIRED), facts(STARTED), facts(change("c-term", HrEventId.of("hr-term"), T1, "termination", false, TERMINATED, null, null)), facts(rehired))
                    .when(restarted)
                    .expectEvents(facts(restarted),
                            new AccessGranted(ADA, MAIL, NOW, reason("c-restarted", rehire, "everyone")),
                            new AccessGranted(ADA, VPN, NOW, reason("c-restarted", rehire, "everyone")),
                            new AccessGranted(ADA, CRM, NOW, reason("c-restarted", rehire, "sales")));
        }
    }

    @Nested
    class Approvals {

        final ApplyWorkerChange toTreasury = change("c-move", MOVE, T1, null, false, null, null, TREASURY);
        final String approvalId = approvalId("c-move", APPROVER);
        final ApprovalRequested requested = new ApprovalRequested(ADA, APPROVER, T1, reason("c-move", MOVE, "treasury"), approvalId);

        @Test
        void approvedRequestIsGrantedNamingTheApprover() {
            fixture.given(activeInFinance()).andGiven(facts(toTreasury), requested)
                    .when(new DecideApproval(PROFILE, approvalId, true, "admin", "ok for Q1"))
                    .expectEvents(new AccessGranted(ADA, APPROVER, NOW,
                            new AccessReason("approval:" + approvalId, MOVE, "treasury", 1, "admin", "ok for Q1")));
        }

        @Test
        void rejectedRequestIsNotRequestedAgainUntilTheAssignmentChanges() {
            ApprovalRejected rejected = new ApprovalRejected(ADA, APPROVER, NOW,
                    new AccessReason("approval:" + approvalId, MOVE, "treasury", 1, "admin", "no"), approvalId);
            fixture.given(activeInFinance()).andGiven(facts(toTreasury), requested)
                    .when(new DecideApproval(PROFILE, approvalId, false, "admin", "no"))
                    .expectEvents(rejected);
            fixture.given(activeInFinance()).andGiven(facts(toTreasury), requested, rejected)
                    .when(new ReevaluateAccess(PROFILE, ADA, "c-policy-2", NOW))
                    .expectNoEvents();
        }

        @Test
        void unknownApprovalIsRefused() {
            fixture.given(activeInFinance())
                    .when(new DecideApproval(PROFILE, "nope", true, "admin", null))
                    .expectException(refusedWith(ErrorCode.NO_SUCH_APPROVAL));
        }

        @Test
        void approvalThatWouldBreakSegregationOfDutiesIsRefused() {
            fixture.given(activeInFinance()).andGiven(facts(toTreasury), requested,
                            new AccessGranted(ADA, PAYROLL_ADMIN, T1, reason("c-x", MOVE, "payroll")))
                    .when(new DecideApproval(PROFILE, approvalId, true, "admin", null))
                    .expectException(refusedWith(ErrorCode.APPROVAL_BREAKS_SOD))
                    .expectNoEvents();
        }
    }

    @Nested
    class PolicyChanges {

        @Test
        void newPolicyVersionGrantsAndRevokesWithItsVersion() {
            policy.set(new PolicyVersion(2, "h2", PolicyParser.parse(POLICY
                    .replace("- {id: everyone, entitlements: [mail:box, vpn:user]}", "- {id: everyone, entitlements: [mail:box]}")
                    .replace("when: {department: {equals: Finance}}, entitlements: [erp:user]", "when: {department: {equals: Finance}}, entitlements: [erp:user, crm:rep]"))));
            fixture.given(activeInFinance())
                    .when(new ReevaluateAccess(PROFILE, ADA, "c-policy-2", NOW))
                    .expectEvents(new AccessRevoked(ADA, VPN, NOW, AccessReason.of("c-policy-2", null, "everyone", 2)),
                            new AccessGranted(ADA, CRM, NOW, AccessReason.of("c-policy-2", null, "finance", 2)));
        }

        @Test
        void unchangedPolicyChangesNothing() {
            fixture.given(activeInFinance()).when(new ReevaluateAccess(PROFILE, ADA, "c-policy-1b", NOW)).expectNoEvents();
        }
    }

    @Nested
    class RetroactiveChanges {

        static final Instant MARCH = Instant.parse("2026-12-15T00:00:00Z");
        static final Instant JUNE = Instant.parse("2027-01-15T00:00:00Z");
        static final HrEventId LATE = HrEventId.of("hr-late");

        /** Active in Finance from T0, moved to Sales at JUNE. */
        Object[] movedToSalesInJune() {
            return new Object[]{facts(HIRED), facts(STARTED),
                    new AccessGranted(ADA, MAIL, T0, reason("c-started", HIRE, "everyone")),
                    new AccessGranted(ADA, VPN, T0, reason("c-started", HIRE, "everyone")),
                    new AccessGranted(ADA, ERP, T0, reason("c-started", HIRE, "finance")),
                    new WorkerFactsChanged(ADA, "c-june", JUNE, false, null, null, SALES),
                    new AccessRevoked(ADA, ERP, JUNE, reason("c-june", MOVE, "finance")),
                    new AccessGranted(ADA, CRM, JUNE, reason("c-june", MOVE, "sales"))};
        }

        @Test
        void aCorrectedWindowIsReDecidedAndItsDifferencesRecordedWhileNowStaysAsItIs() {
            Assignment treasury = new Assignment("Legal", "LEGAL-1", "London", "CC-300", null);
            CorrectAccessTimeline late = new CorrectAccessTimeline(PROFILE, ADA, "c-late", LATE, MARCH, List.of(
                    new FactsAt(MARCH, LATE, ACTIVE, null, treasury, null, false),
                    new FactsAt(JUNE, MOVE, ACTIVE, null, SALES, null, false)));
            AccessReason everyone = reason("c-started", HIRE, "everyone");
            fixture.given(movedToSalesInJune()).when(late).expectEvents(
                    new AccessTimelineCorrected(ADA, "c-late", LATE, MARCH, NOW, List.of(
                            snapshot(MARCH, JUNE, treasury, List.of(item(MAIL, T0, everyone), item(VPN, T0, everyone))),
                            snapshot(JUNE, NOW, SALES, List.of(item(CRM, JUNE, reason("c-late", MOVE, "sales")), item(MAIL, T0, everyone), item(VPN, T0, everyone))))),
                    new AccessPeriodCorrected(ADA, ERP, MARCH, JUNE, AccessPeriodCorrected.Correction.HELD_WITHOUT_JUSTIFICATION, LATE, "c-late",
                            reason("c-started", HIRE, "finance")));
        }

        @Test
        void aBackDatedTerminationRevokesNowAndRecordsWhatWasHeldSinceItsDate() {
            CorrectAccessTimeline ended = new CorrectAccessTimeline(PROFILE, ADA, "c-end", LATE, MARCH, List.of(
                    new FactsAt(MARCH, LATE, TERMINATED, null, FINANCE, "termination", false)));
            AccessReason everyone = reason("c-started", HIRE, "everyone");
            fixture.given(activeInFinance()).when(ended).expectEvents(
                    new AccessTimelineCorrected(ADA, "c-end", LATE, MARCH, NOW, List.of(
                            new AccessSnapshot(MARCH, NOW, TERMINATED, WorkerType.EMPLOYEE, FINANCE, List.of(), List.of(), List.of()))),
                    new AccessPeriodCorrected(ADA, ERP, MARCH, NOW, AccessPeriodCorrected.Correction.HELD_WITHOUT_JUSTIFICATION, LATE, "c-end", reason("c-started", HIRE, "finance")),
                    new AccessPeriodCorrected(ADA, MAIL, MARCH, NOW, AccessPeriodCorrected.Correction.HELD_WITHOUT_JUSTIFICATION, LATE, "c-end", everyone),
                    new AccessPeriodCorrected(ADA, VPN, MARCH, NOW, AccessPeriodCorrected.Correction.HELD_WITHOUT_JUSTIFICATION, LATE, "c-end", everyone),
                    new WorkerFactsChanged(ADA, "c-end", NOW, false, TERMINATED, WorkerType.EMPLOYEE, FINANCE),
                    new AccessRevoked(ADA, MAIL, NOW, AccessReason.of("c-end", LATE, "termination", 1)),
                    new AccessRevoked(ADA, VPN, NOW, AccessReason.of("c-end", LATE, "termination", 1)),
                    new AccessRevoked(ADA, ERP, NOW, AccessReason.of("c-end", LATE, "termination", 1)));
        }

        @Test
        void aChangeEffectiveBeforeADecisionAlreadyRecordedIsAlsoACorrection() {
            ApplyWorkerChange lateMove = change("c-move", MOVE, T1, null, false, null, null, SALES);
            fixture.given(activeInFinance()).andGiven(new AccessGranted(ADA, APPROVER, NOW, reason("approval:x", null, "treasury")))
                    .when(lateMove)
                    .expectEvents(
                            new AccessTimelineCorrected(ADA, "c-move", MOVE, T1, NOW, List.of(
                                    snapshot(T1, NOW, SALES, List.of(item(CRM, T1, reason("c-move", MOVE, "sales")),
                                            item(MAIL, T0, reason("c-started", HIRE, "everyone")), item(VPN, T0, reason("c-started", HIRE, "everyone")))))),
                            new AccessPeriodCorrected(ADA, CRM, T1, NOW, AccessPeriodCorrected.Correction.MISSING, MOVE, "c-move", reason("c-move", MOVE, "sales")),
                            new AccessPeriodCorrected(ADA, ERP, T1, NOW, AccessPeriodCorrected.Correction.HELD_WITHOUT_JUSTIFICATION, MOVE, "c-move", reason("c-started", HIRE, "finance")),
                            new WorkerFactsChanged(ADA, "c-move", NOW, false, ACTIVE, WorkerType.EMPLOYEE, SALES),
                            new AccessRevoked(ADA, ERP, NOW, reason("c-move", MOVE, "finance")),
                            new AccessRevoked(ADA, APPROVER, NOW, reason("c-move", MOVE, "treasury")),
                            new AccessGranted(ADA, CRM, NOW, reason("c-move", MOVE, "sales")));
        }

        @Test
        void theCorrectedWindowIsReDecidedWithThePolicyVersionInForceAtEachInstant() {
            PolicyVersion v2 = new PolicyVersion(2, "h2", PolicyParser.parse(POLICY.replace("entitlements: [erp:user]}", "entitlements: [erp:user, crm:rep]}")));
            Instant published = Instant.parse("2027-02-15T00:00:00Z");
            fixture = new AggregateTestFixture<>(AccessProfile.class);
            fixture.registerInjectableResource(new CurrentPolicy() {
                @Override
                public PolicyVersion current() {
                    return v2;
                }

                @Override
                public List<PolicyPeriod> inForceBetween(Instant from, Instant until) {
                    return List.of(new PolicyPeriod(from, policy.get()), new PolicyPeriod(published, v2));
                }
            });
            fixture.registerInjectableResource(new MutableClock(NOW));
            CorrectAccessTimeline late = new CorrectAccessTimeline(PROFILE, ADA, "c-late", LATE, T1, List.of(
                    new FactsAt(T1, LATE, ACTIVE, null, FINANCE, null, false)));
            AccessReason everyone = reason("c-started", HIRE, "everyone");
            AccessReason byV2 = AccessReason.of("c-late", null, "finance", 2);
            fixture.given(activeInFinance()).andGiven(new AccessGranted(ADA, CRM, NOW, AccessReason.of("c-rollout", null, "finance", 2)))
                    .when(late)
                    .expectEvents(new AccessTimelineCorrected(ADA, "c-late", LATE, T1, NOW, List.of(
                                    snapshot(T1, published, FINANCE, List.of(item(ERP, T0, reason("c-started", HIRE, "finance")), item(MAIL, T0, everyone), item(VPN, T0, everyone))),
                                    snapshot(published, NOW, FINANCE, List.of(item(CRM, published, byV2), item(ERP, T0, reason("c-started", HIRE, "finance")),
                                            item(MAIL, T0, everyone), item(VPN, T0, everyone))))),
                            new AccessPeriodCorrected(ADA, CRM, published, NOW, AccessPeriodCorrected.Correction.MISSING, LATE, "c-late", byV2));
        }

        @Test
        void theSameCorrectionTwiceChangesNothing() {
            CorrectAccessTimeline ended = new CorrectAccessTimeline(PROFILE, ADA, "c-end", LATE, MARCH, List.of(
                    new FactsAt(MARCH, LATE, TERMINATED, null, FINANCE, "termination", false)));
            fixture.given(activeInFinance()).andGiven(new AccessTimelineCorrected(ADA, "c-end", LATE, MARCH, NOW, List.of()))
                    .when(ended).expectNoEvents();
        }

        static AccessSnapshot snapshot(Instant from, Instant until, Assignment assignment, List<AccessSnapshot.Item> items) {
            return new AccessSnapshot(from, until, ACTIVE, WorkerType.EMPLOYEE, assignment, items, List.of(), List.of());
        }

        static AccessSnapshot.Item item(EntitlementId entitlement, Instant since, AccessReason reason) {
            return new AccessSnapshot.Item(entitlement, AccessStatus.GRANTED, since, reason, null);
        }
    }
}
