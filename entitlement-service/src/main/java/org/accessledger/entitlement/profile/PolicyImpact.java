package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.entitlement.policy.AccessPolicy;
import org.accessledger.entitlement.policy.WorkerFacts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a policy version would decide for every worker as their access stands, by the very {@link AccessDecider} the
 * access profiles decide with: the roll-out of a publication and a simulation of a candidate see the same decisions.
 * Changes nothing.
 */
@Component
public class PolicyImpact {

    /** The decisions the version would make for one worker now (none: the worker is not affected). */
    public record WorkerDecisions(WorkerId workerId, List<AccessEvent> decisions) {
    }

    private final CurrentAccessSource currentAccess;

    public PolicyImpact(CurrentAccessSource currentAccess) {
        this.currentAccess = currentAccess;
    }

    /** Every worker with a status, one at a time; {@code causeEventId} is what the decisions' reasons name. */
    public void forEachWorker(AccessPolicy policy, long version, String causeEventId, Instant at, Consumer<WorkerDecisions> each) {
        AccessDecider decider = new AccessDecider(policy, version, entitlement -> "preview");
        currentAccess.forEach(worker -> {
            if (worker.status() != null) {
                each.accept(new WorkerDecisions(worker.workerId(), decider.decide(profileOf(worker), new Cause(worker.workerId(), causeEventId, null, at, null))));
            }
        });
    }

    private static AccessDecider.Profile profileOf(CurrentAccessSource.WorkerAccess worker) {
        Map<EntitlementId, HeldAccess> held = new LinkedHashMap<>();
        worker.held().forEach(item -> held.put(item.entitlement(), new HeldAccess(item.status(), item.since(), item.reason(), item.approvalId())));
        Map<EntitlementId, SodBlock> blocked = new LinkedHashMap<>();
        worker.blocked().forEach(block -> blocked.put(block.entitlement(), new SodBlock(block.conflictsWith(), block.sodRuleId())));
        return new AccessDecider.Profile(worker.status(), new WorkerFacts(worker.workerType(), worker.assignment()), held, blocked, Set.of());
    }
}
