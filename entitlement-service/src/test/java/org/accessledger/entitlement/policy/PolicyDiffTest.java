package org.accessledger.entitlement.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDiffTest {

    static final String BEFORE = """
            applications:
              - { id: erp, entitlements: [{ id: user }, { id: approver }] }
              - { id: chat, entitlements: [{ id: member }] }
            bundles: [{ id: finance-basics, entitlements: [erp:user] }]
            rules:
              - { id: everyone, entitlements: [chat:member] }
              - { id: finance, when: { department: { equals: Finance } }, bundles: [finance-basics] }
            """;

    @Test
    void theSameVersionHasNoChanges() {
        PolicyDiff diff = PolicyDiff.between(PolicyParser.parse(BEFORE), PolicyParser.parse(BEFORE));

        assertThat(diff.rules()).isEmpty();
        assertThat(diff.entitlements()).isEmpty();
        assertThat(diff.segregationOfDuties()).isEmpty();
    }

    @Test
    void aChangedConditionAnApprovalAndANewRuleShowRuleByRuleAndEntitlementByEntitlement() {
        String after = BEFORE.replace("equals: Finance", "equals: Fnance").replace("{ id: approver }", "{ id: approver, requiresApproval: true }")
                + "  - { id: approvers, when: { jobCode: { oneOf: [FIN-LEAD] } }, entitlements: [erp:approver] }\n"
                + "segregationOfDuties: [{ id: book-and-approve, entitlements: [erp:user, erp:approver] }]\n";

        PolicyDiff diff = PolicyDiff.between(PolicyParser.parse(BEFORE), PolicyParser.parse(after));

        assertThat(diff.rules()).extracting(PolicyDiff.RuleChange::ruleId, PolicyDiff.RuleChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("approvers", "ADDED"), org.assertj.core.groups.Tuple.tuple("finance", "CHANGED"));
        PolicyDiff.RuleChange finance = diff.rules().get(1);
        assertThat(finance.conditionsBefore()).containsExactly("department equals [Finance]");
        assertThat(finance.conditionsAfter()).containsExactly("department equals [Fnance]");
        assertThat(finance.grantsAfter()).isEqualTo(Set.of("erp:user"));
        assertThat(diff.entitlements()).extracting(PolicyDiff.EntitlementChange::entitlement, PolicyDiff.EntitlementChange::changes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("erp:approver",
                        List.of("requires approval: false → true", "granted by: [] → [approvers]")),
                        org.assertj.core.groups.Tuple.tuple("erp:user", List.of("granting rules changed: [finance]")));
        assertThat(diff.segregationOfDuties()).containsExactly("added book-and-approve (erp:user / erp:approver)");
    }
}
