package org.accessledger.entitlement.policy;

import java.util.List;
import java.util.Map;

/** The access policy as written in YAML, before validation. See README, "The access policy". */
record PolicyDocument(String name,
                      List<ApplicationSpec> applications,
                      List<BundleSpec> bundles,
                      List<RuleSpec> rules,
                      List<SodSpec> segregationOfDuties,
                      List<String> leaveSuspends,
                      List<String> contractorsNever) {

    record ApplicationSpec(String id, String name, List<EntitlementSpec> entitlements) {
    }

    record EntitlementSpec(String id, String name, Boolean requiresApproval) {
    }

    record BundleSpec(String id, String description, List<String> entitlements) {
    }

    record RuleSpec(String id, String description, Map<String, ConditionSpec> when, List<String> entitlements, List<String> bundles) {
    }

    record ConditionSpec(String equals, List<String> oneOf, String prefix) {
    }

    record SodSpec(String id, String description, List<String> entitlements) {
    }
}
