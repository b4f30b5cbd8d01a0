package org.accessledger.identity.worker;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.accessledger.api.worker.ChangeType.*;
import static org.accessledger.api.worker.HrEventOutcome.ACCEPTED;
import static org.accessledger.api.worker.HrEventOutcome.DUPLICATE;
import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

/**
 * One worker's employment as HR describes it: the accepted changes of the current employment on one effective
 * timeline ({@link EmploymentTimeline}), and the steps of it recorded so far. Every command first lets overdue changes
 * take effect, so a decision never rests on a state the calendar has already left behind; what to record is worked
 * out by {@link TimelineSettlement} and HR's corrections by {@link TimelineEdits}.
 */
@Aggregate
public class Worker {

    @AggregateIdentifier
    private WorkerId workerId;
    private WorkerStatus status;
    private int employment;
    private PersonDetails person;
    private LocalDate startDate;
    private Instant endedAt;
    private Instant previousEnd;
    private EmploymentTimeline timeline;
    private final List<TimelineStep> steps = new ArrayList<>();
    private final Set<HrEventId> handled = new HashSet<>();

    protected Worker() {
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    public HrEventOutcome handle(HireWorker command, Clock clock, IdentityRegistry identities) {
        if (handled.contains(command.hrEventId())) {
            return DUPLICATE;
        }
        if (status != null) {
            catchUp(clock.instant());
            if (status != WorkerStatus.HIRE_CANCELLED) {
                throw refusal(ErrorCode.WORKER_ALREADY_HIRED, "type", "Worker " + workerId + " is already hired; a returning worker is a REHIRE");
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
        if (status != WorkerStatus.TERMINATED) {
            throw refusal(ErrorCode.WORKER_NOT_TERMINATED, "type", "Only a terminated worker can be rehired; " + workerId + " is " + status);
        }
        Instant start = command.start().startOfDay(command.person().timeZone());
        if (start.isBefore(endedAt)) {
            throw refusal(ErrorCode.REHIRE_BEFORE_TERMINATION, "effectiveDate", "The rehire starts before the employment it follows ended at "
                    + endedAt + "; correct or rescind that termination instead");
        }
        limit.check(start, clock.instant(), "effectiveDate");
        beginEmployment(workerId, command.hrEventId(), command.start(), command.person(), command.assignment(), true, clock.instant(), identities);
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(ChangeAssignment command, Clock clock, BackdatingLimit limit) {
        if (command.change().changesNothing()) {
            throw refusal(ErrorCode.EMPTY_ASSIGNMENT_CHANGE, "assignment", "The assignment change names no field to change");
        }
        if (command.workerId().equals(command.change().managerId())) {
            throw refusal(ErrorCode.MANAGER_IS_SELF, "assignment.managerId", "A worker cannot be their own manager");
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
        refuseIf(Lifecycle.refusalOfContractChange(status));
        Instant now = clock.instant();
        HireTerms.checkEndDate(command.newEndDate(), startDate, zone(), now, "newEndDate");
        Instant endsAt = HireTerms.contractEndsAt(command.newEndDate(), zone());
        timeline.ofType(CONTRACT_END).forEach(earlier -> AggregateLifecycle.apply(TimelineSettlement.cancelled(workerId, command.hrEventId(), now, earlier,
                "contract end moved to " + command.newEndDate())));
        AggregateLifecycle.apply(new ContractEndChanged(workerId, command.hrEventId(), now, person.endDate(), command.newEndDate(), endsAt));
        settle(timeline.with(ScheduledChange.of(CONTRACT_END, command.hrEventId(), endsAt)), now, new TimelineSettlement(command.hrEventId(), null, null, startDate));
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(CancelHire command, Clock clock) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        Lifecycle.refusalOfHireCancellation(status).ifPresent(code -> {
            throw refusal(code, "type", "Worker " + workerId + " is " + status + "; a hire can only be cancelled before its start");
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
        var cancellable = timeline.pendingAfter(now).stream().filter(change -> change.hrEventId().equals(command.scheduledBy()))
                .filter(change -> change.type() != START && change.type() != CONTRACT_END).toList();
        if (cancellable.isEmpty()) {
            throw refusal(ErrorCode.NO_SUCH_SCHEDULED_CHANGE, "cancelsHrEventId",
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
        if (status == WorkerStatus.PRE_HIRE && timeline.changesOf(command.rescinds()).stream().anyMatch(change -> change.type() == START)) {
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

    /** A move, a leave or a termination, at its effective time however late it arrives. */
    private HrEventOutcome change(WorkerCommand command, Clock clock, BackdatingLimit limit, Supplier<ScheduledChange> change) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        refuseIf(Lifecycle.refusalOfChange(status));
        Instant now = clock.instant();
        TimelineEdits.Edit edit = edits(limit, now).lateChange(change.get());
        settle(edit.timeline(), now, new TimelineSettlement(command.hrEventId(), edit.published(), edit.withdrawnWhy(), startDate));
        return ACCEPTED;
    }

    /** A correction or rescind; one that brings a terminated worker back checks the e-mail is still theirs. */
    private void edit(TimelineEdits.Edit edit, HrEventId cause, Instant now, IdentityRegistry identities) {
        if (!status.holdsIdentity() && edit.timeline().foldUpTo(now).status().holdsIdentity()) {
            refuseIfEmailTaken(workerId, person, identities);
        }
        settle(edit.timeline(), now, new TimelineSettlement(cause, edit.published(), edit.withdrawnWhy(), edit.startDate()));
    }

    private TimelineEdits edits(BackdatingLimit limit, Instant now) {
        return new TimelineEdits(timeline, status, zone(), startDate, previousEnd, limit, now);
    }

    /** False for a duplicate; otherwise brings the worker up to date with the calendar first. */
    private boolean startHandling(WorkerCommand command, Clock clock) {
        if (handled.contains(command.hrEventId())) {
            return false;
        }
        catchUp(clock.instant());
        return true;
    }

    private void beginEmployment(WorkerId id, HrEventId hrEventId, EffectiveTime start, PersonDetails newPerson,
                                 Assignment newAssignment, boolean rehire, Instant now, IdentityRegistry identities) {
        Instant at = start.startOfDay(newPerson.timeZone());
        LocalDate firstDay = start.date() != null ? start.date() : LocalDate.ofInstant(at, newPerson.timeZone());
        HireTerms.check(id, newPerson, newAssignment, firstDay, now);
        identities.holderOfIdIgnoringCase(id).filter(holder -> !holder.equals(id)).ifPresent(holder -> {
            throw refusal(ErrorCode.WORKER_ID_CASE_COLLISION, "workerId", "Worker " + holder + " has this id but for case; targets would give both one account");
        });
        refuseIfEmailTaken(id, newPerson, identities);
        AggregateLifecycle.apply(rehire
                ? new WorkerRehired(id, hrEventId, at, employment + 1, firstDay, newPerson, newAssignment)
                : new WorkerHired(id, hrEventId, at, employment + 1, firstDay, newPerson, newAssignment));
        EmploymentTimeline hired = timeline.with(ScheduledChange.of(START, hrEventId, at));
        if (newPerson.endDate() != null) {
            hired = hired.with(ScheduledChange.of(CONTRACT_END, hrEventId, HireTerms.contractEndsAt(newPerson.endDate(), newPerson.timeZone())));
        }
        settle(hired, now, new TimelineSettlement(hrEventId, null, null, firstDay));
    }

    private static void refuseIfEmailTaken(WorkerId id, PersonDetails person, IdentityRegistry identities) {
        identities.holderOf(IdentityRegistry.normalise(person.email())).filter(holder -> !holder.equals(id)).ifPresent(holder -> {
            throw refusal(ErrorCode.DUPLICATE_IDENTITY, "worker.email", "Worker " + holder + " (not terminated) already has this e-mail: a suspected duplicate identity");
        });
    }

    private void cancelHire(HrEventId cause, Instant now) {
        timeline.pendingAfter(now).forEach(change -> AggregateLifecycle.apply(TimelineSettlement.cancelled(workerId, cause, now, change, "hire cancelled")));
        AggregateLifecycle.apply(new HireCancelled(workerId, cause, now));
    }

    private void catchUp(Instant now) {
        if (status != WorkerStatus.HIRE_CANCELLED) {
            settle(timeline, now, TimelineSettlement.catchUp(startDate));
        }
    }

    private void settle(EmploymentTimeline after, Instant now, TimelineSettlement settlement) {
        settlement.settle(workerId, List.copyOf(steps), timeline, after, now).forEach(AggregateLifecycle::apply);
    }

    private ZoneId zone() {
        return person.timeZone();
    }

    private void refuseIf(Optional<ErrorCode> refusal) {
        refusal.ifPresent(code -> {
            throw refusal(code, "type", "Worker " + workerId + " is " + status);
        });
    }

    private static RuleViolationException refusal(ErrorCode code, String field, String message) {
        return new RuleViolationException(code, field, message);
    }

    @EventSourcingHandler
    void on(WorkerHired event) {
        beginPeriod(event.workerId(), event.hrEventId(), event.employment(), event.startDate(), event.person(), event.assignment());
    }

    @EventSourcingHandler
    void on(WorkerRehired event) {
        beginPeriod(event.workerId(), event.hrEventId(), event.employment(), event.startDate(), event.person(), event.assignment());
    }

    private void beginPeriod(WorkerId id, HrEventId cause, int number, LocalDate firstDay, PersonDetails newPerson, Assignment hiredAs) {
        workerId = id;
        status = WorkerStatus.PRE_HIRE;
        employment = number;
        person = newPerson;
        startDate = firstDay;
        previousEnd = endedAt;
        endedAt = null;
        timeline = EmploymentTimeline.hiredAs(hiredAs);
        steps.clear();
        handled.add(cause);
    }

    @EventSourcingHandler
    void on(ChangeScheduled event) {
        timeline = timeline.with(ScheduledChange.from(event));
        handled.add(event.hrEventId());
    }

    @EventSourcingHandler
    void on(ScheduledChangeCancelled event) {
        timeline = timeline.without(event.scheduledBy(), event.type());
        handled.add(event.hrEventId());
    }

    @EventSourcingHandler
    void on(WorkerStarted event) {
        tookEffect(ScheduledChange.of(START, event.hrEventId(), event.effectiveAt()), WorkerStatus.ACTIVE);
    }

    @EventSourcingHandler
    void on(AssignmentChanged event) {
        tookEffect(new ScheduledChange(event.hrEventId(), ASSIGNMENT_CHANGE, event.effectiveAt(), event.fieldsChanged(), null), status);
    }

    @EventSourcingHandler
    void on(LeaveStarted event) {
        tookEffect(ScheduledChange.of(LEAVE_START, event.hrEventId(), event.effectiveAt()), WorkerStatus.ON_LEAVE);
    }

    @EventSourcingHandler
    void on(LeaveEnded event) {
        tookEffect(ScheduledChange.of(LEAVE_END, event.hrEventId(), event.effectiveAt()), WorkerStatus.ACTIVE);
    }

    @EventSourcingHandler
    void on(WorkerTerminated event) {
        tookEffect(new ScheduledChange(event.hrEventId(), TERMINATION, event.effectiveAt(), null, event.reason()), WorkerStatus.TERMINATED);
    }

    @EventSourcingHandler
    void on(ContractExpired event) {
        tookEffect(ScheduledChange.of(CONTRACT_END, event.hrEventId(), event.effectiveAt()), WorkerStatus.TERMINATED);
    }

    private void tookEffect(ScheduledChange change, WorkerStatus newStatus) {
        Assignment before = steps.isEmpty() ? timeline.hiredAs() : steps.get(steps.size() - 1).assignment();
        Assignment after = change.type() == ASSIGNMENT_CHANGE ? before.with(change.assignmentChange()) : before;
        timeline = timeline.with(change);
        steps.add(new TimelineStep(change.published(), newStatus, after));
        status = newStatus;
        endedAt = newStatus == WorkerStatus.TERMINATED ? change.dueAt() : null;
        handled.add(change.hrEventId());
    }

    @EventSourcingHandler
    void on(WorkerTimelineCorrected event) {
        if (event.edit().withdrawn() != null) {
            timeline = timeline.without(event.edit().withdrawn().hrEventId(), event.edit().withdrawn().type());
        }
        if (event.edit().added() != null) {
            timeline = timeline.with(ScheduledChange.from(event.edit().added()));
        }
        event.voided().forEach(voided -> timeline = timeline.without(voided.hrEventId(), voided.type()));
        timeline = timeline.withHiredAs(event.hiredAs());
        steps.removeIf(step -> !step.change().effectiveAt().isBefore(event.effectiveAt()));
        steps.addAll(event.steps());
        status = event.status();
        startDate = event.startDate();
        endedAt = status == WorkerStatus.TERMINATED ? steps.get(steps.size() - 1).change().effectiveAt() : null;
        handled.add(event.hrEventId());
    }

    @EventSourcingHandler
    void on(ContractEndChanged event) {
        person = new PersonDetails(person.givenName(), person.familyName(), person.email(), person.workerType(), person.timeZone(), event.endDate());
        handled.add(event.hrEventId());
    }

    @EventSourcingHandler
    void on(HireCancelled event) {
        status = WorkerStatus.HIRE_CANCELLED;
        handled.add(event.hrEventId());
    }
}
