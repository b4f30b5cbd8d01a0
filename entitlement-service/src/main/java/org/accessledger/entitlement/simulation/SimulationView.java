package org.accessledger.entitlement.simulation;

import java.time.Instant;
import java.util.Map;

/**
 * A simulation as an auditor sees it: the document's hash, the policy version and state it ran against, its progress,
 * and once finished the summary (per entitlement the workers who would gain and lose it, new SoD conflicts, approvals
 * that would be requested, whether the publication guard would trip); once failed, the cause.
 */
public record SimulationView(String simulationId,
                             Status status,
                             String mode,
                             String documentHash,
                             Long basedOnPolicyVersion,
                             String requestedBy,
                             Instant startedAt,
                             Instant finishedAt,
                             int workersEvaluated,
                             Map<String, Object> summary,
                             String failure) {

    public enum Status {
        RUNNING, FINISHED, FAILED
    }
}
