package org.accessledger.entitlement.policy;

import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AccessPolicyTest {

    static final AccessPolicy EXAMPLE = PolicyParser.parse(examplePolicy());

    static String examplePolicy() {
        try (InputStream in = AccessPolicyTest.class.getResourceAsStream("/policy/example-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static WorkerFacts facts(WorkerType type, String department, String jobCode, String location, String costCenter) {
        return new WorkerFacts(type, new Assignment(department, jobCode, location, costCenter, null));
    }

    static EntitlementId e(String id) {
        return EntitlementId.of(id);
    }

    @Test
    void ruleWithoutConditionsAppliesToEveryone() {
        assertThat(EXAMPLE.birthrights(facts(WorkerType.INTERN, "Legal", "LEGAL-1", "London", "CC-900")))
                .containsExactly(entry(e("email:mailbox"), "everyone"), entry(e("chat:member"), "everyone"),
                        entry(e("hr-portal:self-service"), "everyone"));
    }

    @Test
    void equalsConditionAndBundleExpandToTheBundlesEntitlements() {
        assertThat(EXAMPLE.birthrights(facts(WorkerType.EMPLOYEE, "Finance", "FIN-ANALYST", "London", "CC-100")))
                .containsEntry(e("erp:user"), "finance-department")
                .containsEntry(e("payroll:viewer"), "finance-department")
                .doesNotContainKey(e("payroll:admin"));
    }

    @Test
    void everyConditionOfARuleMustHold() {
        assertThat(EXAMPLE.birthrights(facts(WorkerType.EMPLOYEE, "Finance", "FIN-PAYROLL", "London", "CC-100")))
                .containsEntry(e("payroll:admin"), "payroll-team");
        assertThat(EXAMPLE.birthrights(facts(WorkerType.EMPLOYEE, "Legal", "FIN-PAYROLL", "London", "CC-100")))
                .doesNotContainKey(e("payroll:admin"));
    }

    @Test
    void oneOfConditionMatchesAnyListedValue() {
        assertThat(EXAMPLE.birthrights(facts(WorkerType.EMPLOYEE, "Legal", "LEGAL-1", "Lisbon", "CC-900"))).containsKey(e("vpn:user"));
        assertThat(EXAMPLE.birthrights(facts(WorkerType.EMPLOYEE, "Legal", "LEGAL-1", "London", "CC-900"))).doesNotContainKey(e("vpn:user"));
    }

    @Test
    void prefixConditionMatchesTheStartOfTheValue() {
        assertThat(EXAMPLE.birthrights(facts(WorkerType.EMPLOYEE, "Finance", "FIN-ANALYST", "London", "CC-TRE-01")))
                .containsEntry(e("erp:payment-approver"), "treasury");
        assertThat(EXAMPLE.birthrights(facts(WorkerType.EMPLOYEE, "Finance", "FIN-ANALYST", "London", "CC-1TRE")))
                .doesNotContainKey(e("erp:payment-approver"));
    }

    @Test
    void workerTypeConditionTestsTheType() {
        AccessPolicy policy = PolicyParser.parse("""
                applications: [{id: badge, entitlements: [{id: contractor}]}]
                rules: [{id: contractors, when: {workerType: {equals: CONTRACTOR}}, entitlements: [badge:contractor]}]
                """);
        assertThat(policy.birthrights(facts(WorkerType.CONTRACTOR, "IT", "X", "Y", "Z"))).containsKey(e("badge:contractor"));
        assertThat(policy.birthrights(facts(WorkerType.EMPLOYEE, "IT", "X", "Y", "Z"))).isEmpty();
    }

    @Test
    void contractorsNeverGetForbiddenEntitlements() {
        assertThat(EXAMPLE.birthrights(facts(WorkerType.CONTRACTOR, "Engineering", "ENG-SRE-2", "London", "CC-300")))
                .containsKey(e("git:developer"))
                .doesNotContainKey(e("prod:admin"));
        assertThat(EXAMPLE.birthrights(facts(WorkerType.EMPLOYEE, "Engineering", "ENG-SRE-2", "London", "CC-300")))
                .containsEntry(e("prod:admin"), "site-reliability");
    }

    @Test
    void firstGrantingRuleIsTheReason() {
        assertThat(EXAMPLE.birthrights(facts(WorkerType.EMPLOYEE, "Engineering", "ENG-1", "Berlin", "CC-300")))
                .containsEntry(e("vpn:user"), "engineering");
    }

    @Test
    void approvalLeaveAndSodConstraintsAreAnswered() {
        assertThat(EXAMPLE.requiresApproval(e("payroll:admin"))).isTrue();
        assertThat(EXAMPLE.requiresApproval(e("payroll:viewer"))).isFalse();
        assertThat(EXAMPLE.suspendedOnLeave(e("vpn:user"))).isTrue();
        assertThat(EXAMPLE.suspendedOnLeave(e("email:mailbox"))).isFalse();
        assertThat(EXAMPLE.conflictOf(e("erp:payment-approver"), List.of(e("payroll:admin"))).map(SodRule::id)).contains("pay-and-approve");
        assertThat(EXAMPLE.conflictOf(e("erp:payment-approver"), List.of(e("payroll:viewer")))).isEmpty();
    }
}
