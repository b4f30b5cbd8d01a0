package org.accessledger.entitlement.policy;

import org.accessledger.api.access.EntitlementId;

import java.util.List;
import java.util.Set;

/** Grants its entitlements (bundles already expanded) to every worker meeting all its conditions. */
record BirthrightRule(String id, List<Condition> conditions, Set<EntitlementId> grants) {

    boolean appliesTo(WorkerFacts facts) {
        return conditions.stream().allMatch(condition -> condition.matches(facts));
    }
}
