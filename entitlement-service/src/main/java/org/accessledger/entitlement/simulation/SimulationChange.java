package org.accessledger.entitlement.simulation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.accessledger.api.access.*;

/** One decision a simulated policy version would make for a worker now, with the rule that would cause it. */
@JsonPropertyOrder({"workerId", "entitlement", "change", "ruleId"})
public record SimulationChange(String workerId, String entitlement, Kind change, String ruleId) {

    public enum Kind {
        GAIN, LOSS, APPROVAL_REQUESTED, APPROVAL_WITHDRAWN, SUSPENSION, RESTORATION, SOD_CONFLICT, SOD_RESOLVED
    }

    static SimulationChange of(AccessEvent decision) {
        return new SimulationChange(decision.workerId().value(), decision.entitlement().value(), kindOf(decision), decision.reason().ruleId());
    }

    private static Kind kindOf(AccessEvent decision) {
        if (decision instanceof AccessGranted) {
            return Kind.GAIN;
        }
        if (decision instanceof AccessRevoked) {
            return Kind.LOSS;
        }
        if (decision instanceof ApprovalRequested) {
            return Kind.APPROVAL_REQUESTED;
        }
        if (decision instanceof ApprovalWithdrawn) {
            return Kind.APPROVAL_WITHDRAWN;
        }
        if (decision instanceof AccessSuspended) {
            return Kind.SUSPENSION;
        }
        if (decision instanceof AccessRestored) {
            return Kind.RESTORATION;
        }
        return decision instanceof SodConflictDetected ? Kind.SOD_CONFLICT : Kind.SOD_RESOLVED;
    }
}
