package org.accessledger.entitlement.simulation;

import org.accessledger.entitlement.profile.PolicyImpact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts what a simulated version would change, worker by worker, and keeps each change when asked to. Not thread-safe. */
final class ImpactTally {

    private final boolean keepChanges;
    private final List<SimulationChange> changes = new ArrayList<>();
    private final Map<String, Map<String, Integer>> perEntitlement = new TreeMap<>();
    private int workers;
    private int workersGaining;
    private int workersLosing;
    private int grants;
    private int revocations;
    private int approvalsRequested;
    private int sodConflicts;

    ImpactTally(boolean keepChanges) {
        this.keepChanges = keepChanges;
    }

    void add(PolicyImpact.WorkerDecisions worker) {
        workers++;
        boolean gains = false;
        boolean loses = false;
        for (var decision : worker.decisions()) {
            SimulationChange change = SimulationChange.of(decision);
            if (keepChanges) {
                changes.add(change);
            }
            switch (change.change()) {
                case GAIN -> {
                    grants++;
                    gains = true;
                    count(change.entitlement(), "gain");
                }
                case LOSS -> {
                    revocations++;
                    loses = true;
                    count(change.entitlement(), "lose");
                }
                case APPROVAL_REQUESTED -> approvalsRequested++;
                case SOD_CONFLICT -> sodConflicts++;
                default -> {
                }
            }
        }
        workersGaining += gains ? 1 : 0;
        workersLosing += loses ? 1 : 0;
    }

    private void count(String entitlement, String direction) {
        perEntitlement.computeIfAbsent(entitlement, ignored -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("gain", 0);
            counts.put("lose", 0);
            return counts;
        }).merge(direction, 1, Integer::sum);
    }

    int workers() {
        return workers;
    }

    int workersGaining() {
        return workersGaining;
    }

    int workersLosing() {
        return workersLosing;
    }

    int grants() {
        return grants;
    }

    int revocations() {
        return revocations;
    }

    int approvalsRequested() {
        return approvalsRequested;
    }

    int sodConflicts() {
        return sodConflicts;
    }

    List<SimulationChange> changes() {
        return List.copyOf(changes);
    }

    Map<String, Object> summary(boolean guardTrips) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("workersEvaluated", workers);
        summary.put("workersGaining", workersGaining);
        summary.put("workersLosing", workersLosing);
        summary.put("grants", grants);
        summary.put("revocations", revocations);
        summary.put("approvalsRequested", approvalsRequested);
        summary.put("newSodConflicts", sodConflicts);
        summary.put("entitlements", perEntitlement);
        summary.put("publishGuardTrips", guardTrips);
        return summary;
    }
}
