package org.accessledger.entitlement.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PolicyParserTest {

    static final String APPS = """
            applications:
              - id: mail
                entitlements: [{id: box}]
              - id: vpn
                entitlements: [{id: user}, {id: admin}]
            """;

    static InvalidPolicyException refusalOf(String yaml) {
        try {
            PolicyParser.parse(yaml);
        } catch (InvalidPolicyException e) {
            return e;
        }
        throw new AssertionError("the policy was accepted");
    }

    @Test
    void examplePolicyIsValid() {
        assertThat(PolicyParser.parse(AccessPolicyTest.examplePolicy()).entitlements()).hasSize(13);
    }

    @Test
    void emptyDocumentIsRefused() {
        assertThat(refusalOf("  ").problems()).extracting(PolicyProblem::path).containsExactly("(document)");
    }

    @Test
    void malformedYamlIsRefused() {
        assertThat(refusalOf("applications: [ {id: mail").problems().get(0).message()).contains("expected ',' or '}'");
    }

    @Test
    void unknownFieldIsRefusedWithItsPath() {
        assertThat(refusalOf(APPS + "rules: [{id: r, grant: [mail:box]}]").problems())
                .extracting(PolicyProblem::path).containsExactly("rules[0].grant");
    }

    @Test
    void applicationsAreRequired() {
        assertThat(refusalOf("name: nothing").problems()).extracting(PolicyProblem::path).containsExactly("applications");
    }

    @Test
    void duplicateIdsAreRefused() {
        InvalidPolicyException refusal = refusalOf("""
                applications:
                  - {id: mail, entitlements: [{id: box}, {id: box}]}
                  - {id: mail, entitlements: [{id: x}]}
                bundles:
                  - {id: b, entitlements: [mail:box]}
                  - {id: b, entitlements: [mail:box]}
                rules:
                  - {id: r, entitlements: [mail:box]}
                  - {id: r, entitlements: [mail:box]}
                segregationOfDuties: []
                """);
        assertThat(refusal.problems()).extracting(PolicyProblem::path).containsExactly(
                "applications[0].entitlements[1].id", "applications[1].id", "bundles[1].id", "rules[1].id");
    }

    @Test
    void unknownReferencesAreRefusedEverywhere() {
        InvalidPolicyException refusal = refusalOf(APPS + """
                bundles: [{id: b, entitlements: [mail:nope]}]
                rules: [{id: r, entitlements: [crm:user], bundles: [missing]}]
                segregationOfDuties: [{id: s, entitlements: [vpn:admin, hr:x]}]
                leaveSuspends: [vpn:nope]
                contractorsNever: [NOT-AN-ID]
                """);
        assertThat(refusal.problems()).extracting(PolicyProblem::path).containsExactly(
                "bundles[0].entitlements[0]", "rules[0].entitlements[0]", "rules[0].bundles[0]",
                "segregationOfDuties[0].entitlements[1]", "leaveSuspends[0]", "contractorsNever[0]");
    }

    @Test
    void malformedConditionsAreRefused() {
        InvalidPolicyException refusal = refusalOf(APPS + """
                rules:
                  - id: r1
                    when: {grade: {equals: A}}
                    entitlements: [mail:box]
                  - id: r2
                    when: {department: {equals: IT, prefix: I}}
                    entitlements: [mail:box]
                  - id: r3
                    when: {location: {oneOf: []}}
                    entitlements: [mail:box]
                  - id: r4
                    when: {workerType: {equals: ROBOT}}
                    entitlements: [mail:box]
                  - id: r5
                    when: {department: {}}
                    entitlements: [mail:box]
                """);
        assertThat(refusal.problems()).extracting(PolicyProblem::path, PolicyProblem::message).containsExactly(
                tuple("rules[0].when.grade", "is not a worker attribute; use workerType, department, jobCode, location or costCenter"),
                tuple("rules[1].when.department", "must have exactly one of equals, oneOf, prefix"),
                tuple("rules[2].when.location", "needs non-blank values"),
                tuple("rules[3].when.workerType", "workerType values must be EMPLOYEE, CONTRACTOR or INTERN"),
                tuple("rules[4].when.department", "must have exactly one of equals, oneOf, prefix"));
    }

    @Test
    void ruleMustGrantSomething() {
        assertThat(refusalOf(APPS + "rules: [{id: r, when: {department: {equals: IT}}}]").problems())
                .extracting(PolicyProblem::path).containsExactly("rules[0]");
    }

    @Test
    void sodRuleNeedsTwoDifferentEntitlements() {
        assertThat(refusalOf(APPS + "segregationOfDuties: [{id: s, entitlements: [vpn:user, vpn:user]}]").problems())
                .extracting(PolicyProblem::path).containsExactly("segregationOfDuties[0].entitlements");
    }

    @Test
    void badIdIsRefused() {
        assertThat(refusalOf("applications: [{id: Mail!, entitlements: [{id: box}]}]").problems())
                .extracting(PolicyProblem::path).containsExactly("applications[0].id");
    }
}
