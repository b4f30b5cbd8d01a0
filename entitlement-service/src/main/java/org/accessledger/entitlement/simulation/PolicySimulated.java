package org.accessledger.entitlement.simulation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A candidate policy was simulated over the workforce (or failed to be): who asked, which document, what it would change. */
@Revision("1")
public record PolicySimulated(String simulationId,
                              String documentHash,
                              String requestedBy,
                              Instant startedAt,
                              Instant finishedAt,
                              SimulationView.Status status,
                              int workersEvaluated,
                              int workersGaining,
                              int workersLosing,
                              int grants,
                              int revocations,
                              int approvalsRequested,
                              int newSodConflicts,
                              boolean publishGuardTrips) {
}
