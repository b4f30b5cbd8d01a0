package org.accessledger.entitlement.profile;

import org.accessledger.api.access.*;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.entitlement.policy.CurrentPolicy;
import org.accessledger.entitlement.policy.PolicyVersion;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

/**
 * The access one worker should have, decided from the worker's facts and the policy in force, and why. What the
 * targets really have is recorded elsewhere; this is the desired state. Decisions are recorded in effective order: a
 * change of the facts effective before what is already recorded re-decides the past ({@link PastRedecision}) and
 * decides the net change now, so the targets only ever see the present.
 */
@Aggregate
public class AccessProfile {

    @AggregateIdentifier
    private String profileId;
    private WorkerId workerId;
    private final ProfileState state = new ProfileState();
    private final AccessHistory history = new AccessHistory();
    private final Set<String> handledCauses = new HashSet<>();

    protected AccessProfile() {
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    public void handle(ApplyWorkerChange command, CurrentPolicy policies, Clock clock) {
        if (handledCauses.contains(command.causeEventId())) {
            return;
        }
        Instant last = history.lastEffectiveAt();
        if (last != null && command.effectiveAt().isBefore(last)) {
            // The worker's changes arrive in effective order: the facts held now are the worker's just before this one.
            correct(command.causeEventId(), command.hrEventId(), command.effectiveAt(), List.of(new FactsAt(command.effectiveAt(), command.hrEventId(),
                    orElse(command.status(), state.status()), orElse(command.workerType(), state.workerType()),
                    orElse(command.assignment(), state.assignment()), command.lifecycleRule(), command.newEmployment())), policies, clock);
            return;
        }
        AggregateLifecycle.apply(new WorkerFactsChanged(command.workerId(), command.causeEventId(), command.effectiveAt(),
                command.newEmployment(), command.status(), command.workerType(), command.assignment()));
        decide(policies.current(), new Cause(workerId, command.causeEventId(), command.hrEventId(), command.effectiveAt(), command.lifecycleRule()));
    }

    @CommandHandler
    public void handle(CorrectAccessTimeline command, CurrentPolicy policies, Clock clock) {
        if (!handledCauses.contains(command.causeEventId())) {
            correct(command.causeEventId(), command.hrEventId(), command.refoldedFrom(), command.facts(), policies, clock);
        }
    }

    @CommandHandler
    public void handle(ReevaluateAccess command, CurrentPolicy policies) {
        if (!handledCauses.contains(command.causeEventId())) {
            decide(policies.current(), new Cause(workerId, command.causeEventId(), null, notBeforeRecorded(command.effectiveAt()), null));
        }
    }

    @CommandHandler
    public void handle(DecideApproval command, CurrentPolicy policies, Clock clock) {
        Map.Entry<EntitlementId, HeldAccess> request = state.held().entrySet().stream()
                .filter(entry -> entry.getValue().status() == AccessStatus.PENDING_APPROVAL && command.approvalId().equals(entry.getValue().approvalId()))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(ErrorCode.NO_SUCH_APPROVAL, "approvalId", "No pending approval " + command.approvalId()));
        EntitlementId entitlement = request.getKey();
        PolicyVersion policy = policies.current();
        Instant now = notBeforeRecorded(clock.instant());
        AccessReason requested = request.getValue().reason();
        AccessReason reason = new AccessReason(AccessReason.approvalCause(command.approvalId()), requested.hrEventId(), requested.ruleId(),
                policy.version(), command.approver(), command.comment());
        if (!command.approve()) {
            AggregateLifecycle.apply(new ApprovalRejected(workerId, entitlement, now, reason, command.approvalId()));
            return;
        }
        Set<EntitlementId> holding = new HashSet<>(state.held().keySet());
        holding.removeIf(other -> !state.held().get(other).isHeld());
        policy.policy().conflictOf(entitlement, holding).ifPresent(conflict -> {
            throw new RuleViolationException(ErrorCode.APPROVAL_BREAKS_SOD, "decision", "Approving " + entitlement
                    + " would break segregation-of-duties rule " + conflict.id() + "; reject it instead");
        });
        AggregateLifecycle.apply(new AccessGranted(workerId, entitlement, now, reason));
        if (state.status() == WorkerStatus.ON_LEAVE && policy.policy().suspendedOnLeave(entitlement)) {
            AggregateLifecycle.apply(new AccessSuspended(workerId, entitlement, now, reason.withRule("leave")));
        }
    }

    /**
     * Re-decides [{@code from}, now) on the corrected facts and records what the corrected timeline shows of that
     * window, then decides the net change now, with the facts the corrected timeline ends in.
     */
    private void correct(String causeEventId, HrEventId hrEventId, Instant from, List<FactsAt> changes, CurrentPolicy policies, Clock clock) {
        List<FactsAt> facts = changes.stream().map(fact -> new FactsAt(fact.effectiveAt(), fact.hrEventId(), fact.status(),
                orElse(fact.workerType(), state.workerType()), fact.assignment(), fact.lifecycleRule(), fact.newEmployment())).toList();
        Instant until = notBeforeRecorded(clock.instant());
        for (FactsAt fact : facts) {
            until = fact.effectiveAt().isAfter(until) ? fact.effectiveAt() : until;
        }
        if (!from.isBefore(until)) {
            return;
        }
        PastRedecision redecision = new PastRedecision(workerId, profileId, causeEventId, hrEventId, from, until);
        List<AccessSnapshot> periods = redecision.redecide(history.stateBefore(from), facts, policies.inForceBetween(from, until),
                history.decisionsBetween(from, until));
        List<AccessPeriodCorrected> differences = redecision.differences(history, periods);
        AggregateLifecycle.apply(new AccessTimelineCorrected(workerId, causeEventId, hrEventId, from, until, periods));
        differences.forEach(AggregateLifecycle::apply);
        ProfileState corrected = ProfileState.of(periods.get(periods.size() - 1));
        facts.stream().filter(fact -> !fact.effectiveAt().isBefore(periods.get(periods.size() - 1).until()))
                .forEach(fact -> corrected.withFacts(fact.status(), fact.workerType(), fact.assignment(), fact.newEmployment()));
        boolean newEmployment = facts.stream().anyMatch(FactsAt::newEmployment);
        if (newEmployment || !state.sameFacts(corrected.status(), corrected.workerType(), corrected.assignment())) {
            AggregateLifecycle.apply(new WorkerFactsChanged(workerId, causeEventId, until, newEmployment, corrected.status(),
                    corrected.workerType(), corrected.assignment()));
        }
        String lifecycleRule = facts.isEmpty() ? null : facts.get(facts.size() - 1).lifecycleRule();
        decide(policies.current(), new Cause(workerId, causeEventId, hrEventId, until, lifecycleRule));
    }

    private void decide(PolicyVersion policy, Cause cause) {
        AccessDecider decider = new AccessDecider(policy.policy(), policy.version(), entitlement -> UUID.nameUUIDFromBytes(
                (profileId + '|' + cause.causeEventId() + '|' + entitlement).getBytes(StandardCharsets.UTF_8)).toString());
        decider.decide(state.toDeciderProfile(), cause).forEach(AggregateLifecycle::apply);
    }

    private static <T> T orElse(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    /** Decisions are recorded in effective order, so a decision taken now is not effective before one already recorded. */
    private Instant notBeforeRecorded(Instant instant) {
        Instant last = history.lastEffectiveAt();
        return last != null && last.isAfter(instant) ? last : instant;
    }

    @EventSourcingHandler
    void on(WorkerFactsChanged event) {
        profileId = AccessProfiles.idOf(event.workerId());
        workerId = event.workerId();
        recorded(event, event.causeEventId());
    }

    @EventSourcingHandler
    void on(AccessEvent event) {
        recorded(event, event.reason().causeEventId());
    }

    @EventSourcingHandler
    void on(AccessTimelineCorrected event) {
        history.record(event);
        handledCauses.add(event.causeEventId());
    }

    @EventSourcingHandler
    void on(AccessPeriodCorrected event) {
        history.record(event);
    }

    private void recorded(Object event, String causeEventId) {
        state.apply(event);
        history.record(event);
        handledCauses.add(causeEventId);
    }
}
