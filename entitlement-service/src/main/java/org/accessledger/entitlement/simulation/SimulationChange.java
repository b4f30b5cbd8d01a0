package org.accessledger.entitlement.simulation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.accessledger.api.access.*;

import java.util.Map;

/** One decision a simulated policy version would make for a worker now, with the rule that would cause it. */
@JsonPropertyOrder({"workerId", "entitlement", "change", "ruleId"})
public record SimulationChange(String workerId, String entitlement, Kind change, String ruleId) {

    public enum Kind {
        GAIN, LOSS, APPROVAL_REQUESTED, APPROVAL_WITHDRAWN, SUSPENSION, RESTORATION, SOD_CONFLICT, SOD_RESOLVED
    }

    private static final Map<Class<? extends AccessEvent>, Kind> KINDS = Map.of(
            AccessGranted.class, Kind.GAIN, AccessRevoked.class, Kind.LOSS,
            ApprovalRequested.class, Kind.APPROVAL_REQUESTED, ApprovalWithdrawn.class, Kind.APPROVAL_WITHDRAWN,
            AccessSuspended.class, Kind.SUSPENSION, AccessRestored.class, Kind.RESTORATION,
            SodConflictDetected.class, Kind.SOD_CONFLICT, SodConflictResolved.class, Kind.SOD_RESOLVED);

    static SimulationChange of(AccessEvent decision) {
        Kind kind = KINDS.get(decision.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("A decision of an unknown kind: " + decision.getClass().getSimpleName());
        }
        return new SimulationChange(decision.workerId().value(), decision.entitlement().value(), kind, decision.reason().ruleId());
    }
}
