package org.accessledger.entitlement.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One simulation's state while it runs and after; written by its worker thread, read by requests. */
final class Simulation {

    private final String id;
    private final String documentHash;
    private final Long basedOnPolicyVersion;
    private final String requestedBy;
    private final Instant startedAt;
    private volatile SimulationView.Status status = SimulationView.Status.RUNNING;
    private volatile Instant finishedAt;
    private volatile int workersEvaluated;
    private volatile Map<String, Object> summary;
    private volatile List<SimulationChange> changes = List.of();
    private volatile String failure;

    Simulation(String id, String documentHash, Long basedOnPolicyVersion, String requestedBy, Instant startedAt) {
        this.id = id;
        this.documentHash = documentHash;
        this.basedOnPolicyVersion = basedOnPolicyVersion;
        this.requestedBy = requestedBy;
        this.startedAt = startedAt;
    }

    void progressed(int workers) {
        workersEvaluated = workers;
    }

    void finished(ImpactTally tally, boolean guardTrips, Instant at) {
        workersEvaluated = tally.workers();
        summary = tally.summary(guardTrips);
        changes = tally.changes();
        finishedAt = at;
        status = SimulationView.Status.FINISHED;
    }

    void failed(Exception cause, Instant at) {
        failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        finishedAt = at;
        status = SimulationView.Status.FAILED;
    }

    String id() {
        return id;
    }

    String documentHash() {
        return documentHash;
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    SimulationView.Status status() {
        return status;
    }

    List<SimulationChange> changes() {
        return changes;
    }

    SimulationView view() {
        return new SimulationView(id, status, "CURRENT_STATE", documentHash, basedOnPolicyVersion, requestedBy, startedAt, finishedAt,
                workersEvaluated, summary, failure);
    }
}
