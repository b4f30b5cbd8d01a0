package org.accessledger.identity.worker;

import org.accessledger.identity.worker.command.ApplyDueChanges;
import org.accessledger.identity.worker.command.CancelHire;
import org.accessledger.identity.worker.command.CancelScheduledChange;
import org.accessledger.identity.worker.command.ChangeAssignment;
import org.accessledger.identity.worker.command.ChangeContractEnd;
import org.accessledger.identity.worker.command.CorrectHrEvent;
import org.accessledger.identity.worker.command.EffectiveTime;
import org.accessledger.identity.worker.command.EndLeave;
import org.accessledger.identity.worker.command.ErasePersonalData;
import org.accessledger.identity.worker.command.HireWorker;
import org.accessledger.identity.worker.command.HrEventOutcome;
import org.accessledger.identity.worker.command.RehireWorker;
import org.accessledger.identity.worker.command.RescindHrEvent;
import org.accessledger.identity.worker.command.StartLeave;
import org.accessledger.identity.worker.command.TerminateWorker;
import org.accessledger.identity.worker.command.WorkerCommand;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

import static org.accessledger.api.worker.ChangeType.*;
import static org.accessledger.identity.worker.command.HrEventOutcome.ACCEPTED;
import static org.accessledger.identity.worker.command.HrEventOutcome.DUPLICATE;
import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

/**
 * One worker's state.employment() as HR describes it: the accepted changes of the current state.employment() on one effective
 * state.timeline() ({@link EmploymentTimeline}), and the steps of it recorded so far. Every command first lets overdue changes
 * take effect, so a decision never rests on a state the calendar has already left behind; what to record is worked
 * out by {@link TimelineSettlement} and HR's corrections by {@link TimelineEdits}.
 */
@Aggregate
public class Worker {

    @AggregateIdentifier
    private WorkerId workerId;
    private final WorkerState state = new WorkerState();

    protected Worker() {
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    public HrEventOutcome handle(HireWorker command, Clock clock, IdentityRegistry identities) {
        if (state.handled(command.hrEventId())) {
            return DUPLICATE;
        }
        if (state.status() != null) {
            refuseIfErased();
            catchUp(clock.instant());
            if (state.status() != WorkerStatus.HIRE_CANCELLED) {
                throw new RuleViolationException(ErrorCode.WORKER_ALREADY_HIRED, "type", "Worker " + workerId + " is already hired; a returning worker is a REHIRE");
            }
        }
        beginEmployment(command.workerId(), command.hrEventId(), command.start(), command.person(), command.assignment(), false, clock.instant(), identities);
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(RehireWorker command, Clock clock, IdentityRegistry identities, BackdatingLimit limit) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        if (state.status() != WorkerStatus.TERMINATED) {
            throw new RuleViolationException(ErrorCode.WORKER_NOT_TERMINATED, "type", "Only a terminated worker can be rehired; " + workerId + " is " + state.status());
        }
        Instant start = command.start().startOfDay(command.person().timeZone());
        HireTerms.checkRehireStart(start, state.endedAt());
        limit.check(start, clock.instant(), "effectiveDate");
        beginEmployment(workerId, command.hrEventId(), command.start(), command.person(), command.assignment(), true, clock.instant(), identities);
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(ChangeAssignment command, Clock clock, BackdatingLimit limit) {
        if (command.change().changesNothing()) {
            throw new RuleViolationException(ErrorCode.EMPTY_ASSIGNMENT_CHANGE, "assignment", "The assignment change names no field to change");
        }
        if (command.workerId().equals(command.change().managerId())) {
            throw new RuleViolationException(ErrorCode.MANAGER_IS_SELF, "assignment.managerId", "A worker cannot be their own manager");
        }
        return change(command, clock, limit, () -> new ScheduledChange(command.hrEventId(), ASSIGNMENT_CHANGE,
                command.effective().startOfDay(zone()), command.change(), null));
    }

    @CommandHandler
    public HrEventOutcome handle(StartLeave command, Clock clock, BackdatingLimit limit) {
        return change(command, clock, limit, () -> ScheduledChange.of(LEAVE_START, command.hrEventId(), command.effective().startOfDay(zone())));
    }

    @CommandHandler
    public HrEventOutcome handle(EndLeave command, Clock clock, BackdatingLimit limit) {
        return change(command, clock, limit, () -> ScheduledChange.of(LEAVE_END, command.hrEventId(), command.effective().startOfDay(zone())));
    }

    @CommandHandler
    public HrEventOutcome handle(TerminateWorker command, Clock clock, BackdatingLimit limit) {
        return change(command, clock, limit, () -> new ScheduledChange(command.hrEventId(), TERMINATION, command.lastDay().endOfDay(zone()), null, command.reason()));
    }

    @CommandHandler
    public HrEventOutcome handle(ChangeContractEnd command, Clock clock) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        refuseIf(Lifecycle.refusalOfContractChange(state.status()));
        Instant now = clock.instant();
        HireTerms.checkEndDate(command.newEndDate(), state.startDate(), zone(), now, "newEndDate");
        Instant endsAt = HireTerms.contractEndsAt(command.newEndDate(), zone());
        state.timeline().ofType(CONTRACT_END).forEach(earlier -> AggregateLifecycle.apply(TimelineSettlement.cancelled(workerId, command.hrEventId(), now, earlier,
                "contract end moved to " + command.newEndDate())));
        AggregateLifecycle.apply(new ContractEndChanged(workerId, command.hrEventId(), now, state.person().endDate(), command.newEndDate(), endsAt));
        settle(state.timeline().with(ScheduledChange.of(CONTRACT_END, command.hrEventId(), endsAt)), now, new TimelineSettlement(command.hrEventId(), null, null, state.startDate()));
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(CancelHire command, Clock clock) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        Lifecycle.refusalOfHireCancellation(state.status()).ifPresent(code -> {
            throw new RuleViolationException(code, "type", "Worker " + workerId + " is " + state.status() + "; a hire can only be cancelled before its start");
        });
        cancelHire(command.hrEventId(), clock.instant());
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(CancelScheduledChange command, Clock clock) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        Instant now = clock.instant();
        var cancellable = state.timeline().pendingAfter(now).stream().filter(change -> change.hrEventId().equals(command.scheduledBy()))
                .filter(change -> change.type() != START && change.type() != CONTRACT_END).toList();
        if (cancellable.isEmpty()) {
            throw new RuleViolationException(ErrorCode.NO_SUCH_SCHEDULED_CHANGE, "cancelsHrEventId",
                    "No move, leave or termination scheduled by HR event " + command.scheduledBy() + " is pending");
        }
        cancellable.forEach(change -> AggregateLifecycle.apply(TimelineSettlement.cancelled(workerId, command.hrEventId(), now, change, "cancelled by HR")));
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(CorrectHrEvent command, Clock clock, BackdatingLimit limit, IdentityRegistry identities) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        edit(edits(limit, clock.instant()).correction(command), command.hrEventId(), clock.instant(), identities);
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(RescindHrEvent command, Clock clock, BackdatingLimit limit, IdentityRegistry identities) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        Instant now = clock.instant();
        if (state.status() == WorkerStatus.PRE_HIRE && state.timeline().changesOf(command.rescinds()).stream().anyMatch(change -> change.type() == START)) {
            cancelHire(command.hrEventId(), now);
            return ACCEPTED;
        }
        edit(edits(limit, now).rescind(command), command.hrEventId(), now, identities);
        return ACCEPTED;
    }

    @CommandHandler
    public void handle(ApplyDueChanges command, Clock clock) {
        catchUp(clock.instant());
    }

    /** Allowed once the worker has been terminated for the retention period; the key itself is destroyed by the caller. */
    @CommandHandler
    public PersonalDataErased handle(ErasePersonalData command, Clock clock) {
        refuseIfErased();
        Instant now = clock.instant();
        catchUp(now);
        if (state.status() != WorkerStatus.TERMINATED) {
            throw new RuleViolationException(ErrorCode.ERASURE_BEFORE_TERMINATION, "workerId",
                    "Worker " + workerId + " is " + state.status() + "; personal data is erased only after a termination");
        }
        Instant allowedFrom = state.endedAt().plus(command.retention());
        if (now.isBefore(allowedFrom)) {
            throw new RuleViolationException(ErrorCode.ERASURE_WITHIN_RETENTION, "workerId", "Worker " + workerId + " was terminated at "
                    + state.endedAt() + "; accessledger.privacy.retention (" + command.retention() + ") allows erasure from " + allowedFrom);
        }
        PersonalDataErased erased = new PersonalDataErased(workerId, null, now, state.endedAt(), command.requestedBy());
        AggregateLifecycle.apply(erased);
        return erased;
    }

    /** A move, a leave or a termination, at its effective time however late it arrives. */
    private HrEventOutcome change(WorkerCommand command, Clock clock, BackdatingLimit limit, Supplier<ScheduledChange> change) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        refuseIf(Lifecycle.refusalOfChange(state.status()));
        Instant now = clock.instant();
        TimelineEdits.Edit edit = edits(limit, now).lateChange(change.get());
        settle(edit.timeline(), now, edit.settlement(command.hrEventId()));
        return ACCEPTED;
    }

    /** A correction or rescind; one that brings a terminated worker back checks the e-mail is still theirs. */
    private void edit(TimelineEdits.Edit edit, HrEventId cause, Instant now, IdentityRegistry identities) {
        if (!state.status().holdsIdentity() && edit.timeline().foldUpTo(now).status().holdsIdentity()) {
            HireTerms.checkEmailFree(workerId, state.person(), identities);
        }
        settle(edit.timeline(), now, edit.settlement(cause));
    }

    private TimelineEdits edits(BackdatingLimit limit, Instant now) {
        return new TimelineEdits(state.timeline(), state.status(), zone(), state.startDate(), state.previousEnd(), limit, now);
    }

    /** False for a duplicate; otherwise brings the worker up to date with the calendar first. */
    private boolean startHandling(WorkerCommand command, Clock clock) {
        if (state.handled(command.hrEventId())) {
            return false;
        }
        refuseIfErased();
        catchUp(clock.instant());
        return true;
    }

    private void beginEmployment(WorkerId id, HrEventId hrEventId, EffectiveTime start, PersonDetails newPerson,
                                 Assignment newAssignment, boolean rehire, Instant now, IdentityRegistry identities) {
        Instant at = start.startOfDay(newPerson.timeZone());
        LocalDate firstDay = start.date() != null ? start.date() : LocalDate.ofInstant(at, newPerson.timeZone());
        HireTerms.check(id, newPerson, newAssignment, firstDay, now);
        HireTerms.checkIdentity(id, newPerson, identities);
        AggregateLifecycle.apply(rehire
                ? new WorkerRehired(id, hrEventId, at, state.employment() + 1, firstDay, newPerson, newAssignment)
                : new WorkerHired(id, hrEventId, at, state.employment() + 1, firstDay, newPerson, newAssignment));
        EmploymentTimeline hired = state.timeline().with(ScheduledChange.of(START, hrEventId, at));
        if (newPerson.endDate() != null) {
            hired = hired.with(ScheduledChange.of(CONTRACT_END, hrEventId, HireTerms.contractEndsAt(newPerson.endDate(), newPerson.timeZone())));
        }
        settle(hired, now, new TimelineSettlement(hrEventId, null, null, firstDay));
    }

    private void cancelHire(HrEventId cause, Instant now) {
        state.timeline().pendingAfter(now).forEach(change -> AggregateLifecycle.apply(TimelineSettlement.cancelled(workerId, cause, now, change, "hire cancelled")));
        AggregateLifecycle.apply(new HireCancelled(workerId, cause, now));
    }

    private void catchUp(Instant now) {
        if (state.status() != WorkerStatus.HIRE_CANCELLED) {
            settle(state.timeline(), now, TimelineSettlement.catchUp(state.startDate()));
        }
    }

    private void settle(EmploymentTimeline after, Instant now, TimelineSettlement settlement) {
        settlement.settle(workerId, state.steps(), state.dormant(), state.timeline(), after, now).forEach(AggregateLifecycle::apply);
    }

    private ZoneId zone() {
        return state.person().timeZone();
    }

    private void refuseIfErased() {
        if (state.erased()) {
            throw new RuleViolationException(ErrorCode.PERSONAL_DATA_ERASED, "workerId",
                    "The personal data of worker " + workerId + " was erased; nothing more is recorded for this id");
        }
    }

    private void refuseIf(Optional<ErrorCode> refusal) {
        refusal.ifPresent(code -> {
            throw new RuleViolationException(code, "type", "Worker " + workerId + " is " + state.status());
        });
    }

    @EventSourcingHandler
    void on(WorkerEvent event) {
        workerId = event.workerId();
        state.apply(event);
    }
}
