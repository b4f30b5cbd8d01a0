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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.accessledger.api.worker.ChangeType.*;
import static org.accessledger.api.worker.HrEventOutcome.ACCEPTED;
import static org.accessledger.api.worker.HrEventOutcome.DUPLICATE;
import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

/**
 * One worker's employment as HR describes it. Every command first lets overdue scheduled changes take effect, so a
 * decision never rests on a state the calendar has already left behind.
 */
@Aggregate
public class Worker {

    @AggregateIdentifier
    private WorkerId workerId;
    private WorkerStatus status;
    private int employment;
    private PersonDetails person;
    private Assignment assignment;
    private LocalDate startDate;
    private Instant startAt;
    private final PendingChanges pending = new PendingChanges();
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
    public HrEventOutcome handle(RehireWorker command, Clock clock, IdentityRegistry identities) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        if (status != WorkerStatus.TERMINATED) {
            throw refusal(ErrorCode.WORKER_NOT_TERMINATED, "type", "Only a terminated worker can be rehired; " + workerId + " is " + status);
        }
        beginEmployment(workerId, command.hrEventId(), command.start(), command.person(), command.assignment(), true, clock.instant(), identities);
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(ChangeAssignment command, Clock clock) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        if (command.change().changesNothing()) {
            throw refusal(ErrorCode.EMPTY_ASSIGNMENT_CHANGE, "assignment", "The assignment change names no field to change");
        }
        if (workerId.equals(command.change().managerId())) {
            throw refusal(ErrorCode.MANAGER_IS_SELF, "assignment.managerId", "A worker cannot be their own manager");
        }
        Instant at = command.effective().startOfDay(person.timeZone());
        scheduleOrTakeEffect(new ScheduledChange(command.hrEventId(), ASSIGNMENT_CHANGE, at, command.change(), null), clock.instant());
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(StartLeave command, Clock clock) {
        return changeAt(command, LEAVE_START, command.effective().startOfDay(zone()), null, clock);
    }

    @CommandHandler
    public HrEventOutcome handle(EndLeave command, Clock clock) {
        return changeAt(command, LEAVE_END, command.effective().startOfDay(zone()), null, clock);
    }

    @CommandHandler
    public HrEventOutcome handle(TerminateWorker command, Clock clock) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        Instant at = command.lastDay().endOfDay(zone());
        if (!at.isAfter(startAt)) {
            throw refusal(ErrorCode.END_DATE_BEFORE_START, "effectiveDate", "The employment ends before its start " + startDate + "; a no-show is a HIRE_CANCELLATION");
        }
        refuseIf(Lifecycle.refusalToSchedule(status));
        pending.ofType(TERMINATION).forEach(earlier -> cancel(earlier, command.hrEventId(), "superseded by HR event " + command.hrEventId(), clock.instant()));
        scheduleOrTakeEffect(new ScheduledChange(command.hrEventId(), TERMINATION, at, null, command.reason()), clock.instant());
        return ACCEPTED;
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
        pending.ofType(CONTRACT_END).forEach(earlier -> cancel(earlier, command.hrEventId(), "contract end moved to " + command.newEndDate(), now));
        AggregateLifecycle.apply(new ContractEndChanged(workerId, command.hrEventId(), now, person.endDate(), command.newEndDate(), endsAt));
        scheduleOrTakeEffect(ScheduledChange.of(CONTRACT_END, command.hrEventId(), endsAt), now);
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
        Instant now = clock.instant();
        pending.all().forEach(change -> cancel(change, command.hrEventId(), "hire cancelled", now));
        AggregateLifecycle.apply(new HireCancelled(workerId, command.hrEventId(), now));
        return ACCEPTED;
    }

    @CommandHandler
    public HrEventOutcome handle(CancelScheduledChange command, Clock clock) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        var cancellable = pending.scheduledBy(command.scheduledBy()).stream()
                .filter(change -> change.type() != START && change.type() != CONTRACT_END).toList();
        if (cancellable.isEmpty()) {
            throw refusal(ErrorCode.NO_SUCH_SCHEDULED_CHANGE, "cancelsHrEventId",
                    "No move, leave or termination scheduled by HR event " + command.scheduledBy() + " is pending");
        }
        cancellable.forEach(change -> cancel(change, command.hrEventId(), "cancelled by HR", clock.instant()));
        return ACCEPTED;
    }

    @CommandHandler
    public void handle(ApplyDueChanges command, Clock clock) {
        catchUp(clock.instant());
    }

    private HrEventOutcome changeAt(WorkerCommand command, ChangeType type, Instant at, String reason, Clock clock) {
        if (!startHandling(command, clock)) {
            return DUPLICATE;
        }
        scheduleOrTakeEffect(new ScheduledChange(command.hrEventId(), type, at, null, reason), clock.instant());
        return ACCEPTED;
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
        identities.holderOf(IdentityRegistry.normalise(newPerson.email())).filter(holder -> !holder.equals(id)).ifPresent(holder -> {
            throw refusal(ErrorCode.DUPLICATE_IDENTITY, "worker.email", "Worker " + holder + " (not terminated) already has this e-mail: a suspected duplicate identity");
        });
        AggregateLifecycle.apply(rehire
                ? new WorkerRehired(id, hrEventId, at, employment + 1, firstDay, newPerson, newAssignment)
                : new WorkerHired(id, hrEventId, at, employment + 1, firstDay, newPerson, newAssignment));
        scheduleOrTakeEffect(ScheduledChange.of(START, hrEventId, at), now);
        if (newPerson.endDate() != null) {
            scheduleOrTakeEffect(ScheduledChange.of(CONTRACT_END, hrEventId, HireTerms.contractEndsAt(newPerson.endDate(), newPerson.timeZone())), now);
        }
    }

    private void scheduleOrTakeEffect(ScheduledChange change, Instant now) {
        if (change.isDueBy(now)) {
            refuseIf(Lifecycle.refusal(change.type(), status));
            takeEffect(change);
            return;
        }
        refuseIf(Lifecycle.refusalToSchedule(status));
        AggregateLifecycle.apply(new ChangeScheduled(workerId, change.hrEventId(), change.dueAt(), change.type(), change.assignmentChange(), change.reason()));
    }

    /** Lets every scheduled change due by {@code now} take effect in order, cancelling one that no longer fits. */
    private void catchUp(Instant now) {
        for (var due = pending.firstDueBy(now); due.isPresent(); due = pending.firstDueBy(now)) {
            ScheduledChange change = due.get();
            var refusal = Lifecycle.refusal(change.type(), status);
            if (refusal.isPresent()) {
                cancel(change, change.hrEventId(), "no longer applicable: " + refusal.get(), change.dueAt());
            } else {
                takeEffect(change);
            }
        }
    }

    private void takeEffect(ScheduledChange change) {
        HrEventId cause = change.hrEventId();
        Instant at = change.dueAt();
        switch (change.type()) {
            case START -> AggregateLifecycle.apply(new WorkerStarted(workerId, cause, at));
            case ASSIGNMENT_CHANGE -> AggregateLifecycle.apply(
                    new AssignmentChanged(workerId, cause, at, assignment, assignment.with(change.assignmentChange())));
            case LEAVE_START -> AggregateLifecycle.apply(new LeaveStarted(workerId, cause, at));
            case LEAVE_END -> AggregateLifecycle.apply(new LeaveEnded(workerId, cause, at));
            case TERMINATION, CONTRACT_END -> {
                pending.all().stream().filter(other -> !other.sameAs(cause, change.type()))
                        .forEach(other -> cancel(other, cause, "employment ended", at));
                AggregateLifecycle.apply(change.type() == TERMINATION
                        ? new WorkerTerminated(workerId, cause, at, change.reason())
                        : new ContractExpired(workerId, cause, at));
            }
        }
    }

    private void cancel(ScheduledChange change, HrEventId cause, String why, Instant at) {
        AggregateLifecycle.apply(new ScheduledChangeCancelled(workerId, cause, at, change.hrEventId(), change.type(), why));
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
        beginPeriod(event.workerId(), event.hrEventId(), event.effectiveAt(), event.employment(), event.startDate(), event.person(), event.assignment());
    }

    @EventSourcingHandler
    void on(WorkerRehired event) {
        beginPeriod(event.workerId(), event.hrEventId(), event.effectiveAt(), event.employment(), event.startDate(), event.person(), event.assignment());
    }

    private void beginPeriod(WorkerId id, HrEventId cause, Instant at, int number, LocalDate firstDay, PersonDetails newPerson, Assignment newAssignment) {
        workerId = id;
        status = WorkerStatus.PRE_HIRE;
        employment = number;
        person = newPerson;
        assignment = newAssignment;
        startDate = firstDay;
        startAt = at;
        handled.add(cause);
    }

    @EventSourcingHandler
    void on(ChangeScheduled event) {
        pending.add(ScheduledChange.from(event));
        handled.add(event.hrEventId());
    }

    @EventSourcingHandler
    void on(ScheduledChangeCancelled event) {
        pending.remove(event.scheduledBy(), event.type());
        handled.add(event.hrEventId());
    }

    @EventSourcingHandler
    void on(WorkerStarted event) {
        tookEffect(event, START, WorkerStatus.ACTIVE);
    }

    @EventSourcingHandler
    void on(AssignmentChanged event) {
        assignment = event.assignment();
        tookEffect(event, ASSIGNMENT_CHANGE, status);
    }

    @EventSourcingHandler
    void on(LeaveStarted event) {
        tookEffect(event, LEAVE_START, WorkerStatus.ON_LEAVE);
    }

    @EventSourcingHandler
    void on(LeaveEnded event) {
        tookEffect(event, LEAVE_END, WorkerStatus.ACTIVE);
    }

    @EventSourcingHandler
    void on(WorkerTerminated event) {
        tookEffect(event, TERMINATION, WorkerStatus.TERMINATED);
    }

    @EventSourcingHandler
    void on(ContractExpired event) {
        tookEffect(event, CONTRACT_END, WorkerStatus.TERMINATED);
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

    private void tookEffect(WorkerEvent event, ChangeType type, WorkerStatus newStatus) {
        pending.remove(event.hrEventId(), type);
        status = newStatus;
        handled.add(event.hrEventId());
    }
}
