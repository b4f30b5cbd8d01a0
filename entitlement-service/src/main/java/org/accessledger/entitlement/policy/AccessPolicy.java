package org.accessledger.entitlement.policy;

import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.WorkerType;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated access policy: which entitlements a worker's facts justify, and the constraints on holding them.
 * Plain Java, so every decision can be unit-tested and replayed with the exact policy that made it.
 */
public final class AccessPolicy {

    private final String name;
    private final Map<EntitlementId, Boolean> approvalRequired;
    private final List<BirthrightRule> rules;
    private final List<SodRule> segregationOfDuties;
    private final Set<EntitlementId> leaveSuspends;
    private final Set<EntitlementId> contractorsNever;

    AccessPolicy(String name, Map<EntitlementId, Boolean> approvalRequired, List<BirthrightRule> rules,
                 List<SodRule> segregationOfDuties, Set<EntitlementId> leaveSuspends, Set<EntitlementId> contractorsNever) {
        this.name = name;
        this.approvalRequired = Map.copyOf(approvalRequired);
        this.rules = List.copyOf(rules);
        this.segregationOfDuties = List.copyOf(segregationOfDuties);
        this.leaveSuspends = Set.copyOf(leaveSuspends);
        this.contractorsNever = Set.copyOf(contractorsNever);
    }

    public String name() {
        return name;
    }

    /** Each entitlement the facts justify, with the id of the first rule (in document order) that grants it. */
    public Map<EntitlementId, String> birthrights(WorkerFacts facts) {
        Map<EntitlementId, String> justified = new LinkedHashMap<>();
        for (BirthrightRule rule : rules) {
            if (rule.appliesTo(facts)) {
                rule.grants().stream()
                        .filter(entitlement -> !(facts.workerType() == WorkerType.CONTRACTOR && contractorsNever.contains(entitlement)))
                        .forEach(entitlement -> justified.putIfAbsent(entitlement, rule.id()));
            }
        }
        return justified;
    }

    public boolean requiresApproval(EntitlementId entitlement) {
        return approvalRequired.getOrDefault(entitlement, false);
    }

    public boolean suspendedOnLeave(EntitlementId entitlement) {
        return leaveSuspends.contains(entitlement);
    }

    /** The SoD rule that {@code entitlement} would break beside {@code held}, if any. */
    public Optional<SodRule> conflictOf(EntitlementId entitlement, Collection<EntitlementId> held) {
        return segregationOfDuties.stream()
                .filter(rule -> {
                    EntitlementId other = rule.otherSideOf(entitlement);
                    return other != null && held.contains(other);
                })
                .findFirst();
    }

    public Set<EntitlementId> entitlements() {
        return approvalRequired.keySet();
    }

    boolean neverForContractors(EntitlementId entitlement) {
        return contractorsNever.contains(entitlement);
    }

    List<BirthrightRule> rules() {
        return rules;
    }

    List<SodRule> segregationOfDuties() {
        return segregationOfDuties;
    }
}
