package org.accessledger.entitlement.profile;

import org.accessledger.api.access.*;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;
import org.accessledger.entitlement.policy.CurrentPolicy;
import org.accessledger.entitlement.policy.PolicyVersion;
import org.accessledger.entitlement.policy.WorkerFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

/**
 * The access one worker should have, decided from the worker's facts and the policy in force, and why. What the
 * targets really have is recorded elsewhere; this is the desired state.
 */
@Aggregate
public class AccessProfile {

    @AggregateIdentifier
    private String profileId;
    private WorkerId workerId;
    private WorkerStatus status;
    private WorkerType workerType;
    private Assignment assignment;
    private final Map<EntitlementId, HeldAccess> held = new LinkedHashMap<>();
    private final Map<EntitlementId, SodBlock> blocked = new LinkedHashMap<>();
    private final Set<EntitlementId> rejected = new HashSet<>();
    private final Set<String> handledCauses = new HashSet<>();

    protected AccessProfile() {
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    public void handle(ApplyWorkerChange command, CurrentPolicy policies) {
        if (handledCauses.contains(command.causeEventId())) {
            return;
        }
        AggregateLifecycle.apply(new WorkerFactsChanged(command.workerId(), command.causeEventId(), command.effectiveAt(),
                command.newEmployment(), command.status(), command.workerType(), command.assignment()));
        decide(policies.current(), new Cause(workerId, command.causeEventId(), command.hrEventId(), command.effectiveAt(), command.lifecycleRule()));
    }

    @CommandHandler
    public void handle(ReevaluateAccess command, CurrentPolicy policies) {
        if (!handledCauses.contains(command.causeEventId())) {
            decide(policies.current(), new Cause(workerId, command.causeEventId(), null, command.effectiveAt(), null));
        }
    }

    @CommandHandler
    public void handle(DecideApproval command, CurrentPolicy policies, Clock clock) {
        Map.Entry<EntitlementId, HeldAccess> request = held.entrySet().stream()
                .filter(entry -> entry.getValue().status() == AccessStatus.PENDING_APPROVAL && command.approvalId().equals(entry.getValue().approvalId()))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(ErrorCode.NO_SUCH_APPROVAL, "approvalId", "No pending approval " + command.approvalId()));
        EntitlementId entitlement = request.getKey();
        PolicyVersion policy = policies.current();
        Instant now = clock.instant();
        AccessReason requested = request.getValue().reason();
        AccessReason reason = new AccessReason(AccessReason.approvalCause(command.approvalId()), requested.hrEventId(), requested.ruleId(),
                policy.version(), command.approver(), command.comment());
        if (!command.approve()) {
            AggregateLifecycle.apply(new ApprovalRejected(workerId, entitlement, now, reason, command.approvalId()));
            return;
        }
        Set<EntitlementId> holding = new HashSet<>(held.keySet());
        holding.removeIf(other -> !held.get(other).isHeld());
        policy.policy().conflictOf(entitlement, holding).ifPresent(conflict -> {
            throw new RuleViolationException(ErrorCode.APPROVAL_BREAKS_SOD, "decision", "Approving " + entitlement
                    + " would break segregation-of-duties rule " + conflict.id() + "; reject it instead");
        });
        AggregateLifecycle.apply(new AccessGranted(workerId, entitlement, now, reason));
        if (status == WorkerStatus.ON_LEAVE && policy.policy().suspendedOnLeave(entitlement)) {
            AggregateLifecycle.apply(new AccessSuspended(workerId, entitlement, now, reason.withRule("leave")));
        }
    }

    private void decide(PolicyVersion policy, Cause cause) {
        AccessDecider decider = new AccessDecider(policy.policy(), policy.version(), entitlement -> UUID.nameUUIDFromBytes(
                (profileId + '|' + cause.causeEventId() + '|' + entitlement).getBytes(StandardCharsets.UTF_8)).toString());
        AccessDecider.Profile profile = new AccessDecider.Profile(status, new WorkerFacts(workerType, assignment),
                new LinkedHashMap<>(held), new LinkedHashMap<>(blocked), Set.copyOf(rejected));
        decider.decide(profile, cause).forEach(AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(WorkerFactsChanged event) {
        profileId = AccessProfiles.idOf(event.workerId());
        workerId = event.workerId();
        status = event.status() != null ? event.status() : status;
        workerType = event.workerType() != null ? event.workerType() : workerType;
        if (event.assignment() != null || event.newEmployment()) {
            rejected.clear();
        }
        assignment = event.assignment() != null ? event.assignment() : assignment;
        handledCauses.add(event.causeEventId());
    }

    @EventSourcingHandler
    void on(AccessGranted event) {
        held.put(event.entitlement(), new HeldAccess(AccessStatus.GRANTED, event.effectiveAt(), event.reason(), null));
        handledCauses.add(event.reason().causeEventId());
    }

    @EventSourcingHandler
    void on(AccessRevoked event) {
        held.remove(event.entitlement());
        handledCauses.add(event.reason().causeEventId());
    }

    @EventSourcingHandler
    void on(AccessSuspended event) {
        held.computeIfPresent(event.entitlement(), (entitlement, access) -> access.withStatus(AccessStatus.SUSPENDED, event.effectiveAt()));
        handledCauses.add(event.reason().causeEventId());
    }

    @EventSourcingHandler
    void on(AccessRestored event) {
        held.computeIfPresent(event.entitlement(), (entitlement, access) -> access.withStatus(AccessStatus.GRANTED, event.effectiveAt()));
        handledCauses.add(event.reason().causeEventId());
    }

    @EventSourcingHandler
    void on(ApprovalRequested event) {
        held.put(event.entitlement(), new HeldAccess(AccessStatus.PENDING_APPROVAL, event.effectiveAt(), event.reason(), event.approvalId()));
        handledCauses.add(event.reason().causeEventId());
    }

    @EventSourcingHandler
    void on(ApprovalRejected event) {
        held.remove(event.entitlement());
        rejected.add(event.entitlement());
    }

    @EventSourcingHandler
    void on(ApprovalWithdrawn event) {
        held.remove(event.entitlement());
        handledCauses.add(event.reason().causeEventId());
    }

    @EventSourcingHandler
    void on(SodConflictDetected event) {
        blocked.put(event.entitlement(), new SodBlock(event.conflictsWith(), event.reason().ruleId()));
        handledCauses.add(event.reason().causeEventId());
    }

    @EventSourcingHandler
    void on(SodConflictResolved event) {
        blocked.remove(event.entitlement());
        handledCauses.add(event.reason().causeEventId());
    }
}
