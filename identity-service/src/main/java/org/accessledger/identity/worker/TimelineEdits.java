package org.accessledger.identity.worker;

import org.accessledger.identity.worker.command.CorrectHrEvent;
import org.accessledger.identity.worker.command.RescindHrEvent;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.AssignmentChange;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.TimelineEdit;
import org.accessledger.api.worker.WorkerStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.accessledger.api.worker.ChangeType.*;

/**
 * HR's edits of the current employment's timeline, checked against the rules for what may arrive late: a change at its
 * effective time however late it arrives, a correction of an earlier change, a rescind. The timeline re-folds the rest.
 *
 * @param previousEnd when the employment before this one ended, or {@code null}
 */
record TimelineEdits(EmploymentTimeline timeline, WorkerStatus status, ZoneId zone, LocalDate startDate, Instant previousEnd,
                     BackdatingLimit limit, Instant now) {

    /** The timeline after the edit, how to publish the edit, why a pending change it withdraws is cancelled, and the first day after it. */
    record Edit(EmploymentTimeline timeline, TimelineEdit published, String withdrawnWhy, LocalDate startDate) {

        TimelineSettlement settlement(HrEventId cause) {
            return new TimelineSettlement(cause, published, withdrawnWhy, startDate);
        }
    }

    Edit lateChange(ScheduledChange change) {
        refuseBeforeStart(change, start());
        refuseTooFarBack(change.dueAt(), "effectiveDate");
        EmploymentTimeline after = timeline;
        if (change.type() == TERMINATION) {
            for (ScheduledChange earlier : timeline.pendingAfter(now).stream().filter(pending -> pending.type() == TERMINATION).toList()) {
                after = after.without(earlier.hrEventId(), TERMINATION);
            }
        }
        return new Edit(after.with(change), new TimelineEdit(TimelineEdit.Kind.LATE_CHANGE, null, change.published()),
                "superseded by HR event " + change.hrEventId(), startDate);
    }

    Edit correction(CorrectHrEvent command) {
        ScheduledChange original = originalOf(command.corrects(), "correctsHrEventId");
        refuseTooFarBack(original.dueAt(), "correctsHrEventId");
        String why = "corrected by HR event " + command.hrEventId();
        if (original.type() == START) {
            return hireCorrection(command, original, why);
        }
        if (command.assignment() != null && original.type() != ASSIGNMENT_CHANGE) {
            throw new RuleViolationException(ErrorCode.NOT_CORRECTABLE, "assignment", "A " + original.type() + " has no assignment to correct");
        }
        if (command.reason() != null && original.type() != TERMINATION) {
            throw new RuleViolationException(ErrorCode.NOT_CORRECTABLE, "reason", "Only a termination has a reason to correct");
        }
        Instant at = command.effective() == null ? original.dueAt()
                : original.type() == TERMINATION ? command.effective().endOfDay(zone) : command.effective().startOfDay(zone);
        AssignmentChange change = command.assignment() != null ? command.assignment() : original.assignmentChange();
        ScheduledChange corrected = new ScheduledChange(original.hrEventId(), original.type(), at, change,
                command.reason() != null ? command.reason() : original.reason());
        refuseBeforeStart(corrected, start());
        refuseTooFarBack(at, "effectiveDate");
        return new Edit(timeline.with(corrected), new TimelineEdit(TimelineEdit.Kind.CORRECTION, original.published(), corrected.published()), why, startDate);
    }

    Edit rescind(RescindHrEvent command) {
        ScheduledChange original = originalOf(command.rescinds(), "rescindsHrEventId");
        if (original.type() == START) {
            throw new RuleViolationException(ErrorCode.NOT_CORRECTABLE, "rescindsHrEventId",
                    "The employment has started: it ends with a TERMINATION (or its start date is corrected with a CORRECTION)");
        }
        refuseTooFarBack(original.dueAt(), "rescindsHrEventId");
        return new Edit(timeline.without(original.hrEventId(), original.type()), new TimelineEdit(TimelineEdit.Kind.RESCIND, original.published(), null),
                "rescinded by HR event " + command.hrEventId(), startDate);
    }

    /** A hire's correction moves its start and changes the assignment it starts with; its changes then re-fold on both. */
    private Edit hireCorrection(CorrectHrEvent command, ScheduledChange start, String why) {
        if (command.reason() != null) {
            throw new RuleViolationException(ErrorCode.NOT_CORRECTABLE, "reason", "A hire has no reason to correct");
        }
        Instant at = command.effective() == null ? start.dueAt() : command.effective().startOfDay(zone);
        LocalDate firstDay = command.effective() == null ? startDate
                : command.effective().date() != null ? command.effective().date() : LocalDate.ofInstant(at, zone);
        if (previousEnd != null) {
            HireTerms.checkRehireStart(at, previousEnd);
        }
        refuseTooFarBack(at, "effectiveDate");
        ScheduledChange corrected = start.at(at);
        EmploymentTimeline after = timeline.with(corrected);
        if (command.assignment() != null) {
            after = after.withHiredAs(timeline.hiredAs().with(command.assignment()));
        }
        for (ScheduledChange end : timeline.ofType(TERMINATION)) {
            if (!end.dueAt().isAfter(at)) {
                throw new RuleViolationException(ErrorCode.END_DATE_BEFORE_START, "effectiveDate", "The employment would start after it ended at " + end.dueAt());
            }
        }
        return new Edit(after, new TimelineEdit(TimelineEdit.Kind.CORRECTION, start.published(), corrected.published()), why, firstDay);
    }

    private ScheduledChange originalOf(HrEventId hrEventId, String field) {
        List<ScheduledChange> changes = timeline.changesOf(hrEventId);
        if (changes.isEmpty()) {
            throw new RuleViolationException(ErrorCode.NO_SUCH_HR_EVENT, field, "HR event " + hrEventId
                    + " made no change of the worker's current employment that is still on its timeline; a correction names the event it corrects, not an earlier correction");
        }
        return changes.stream().filter(change -> change.type() == START).findFirst()
                .or(() -> changes.stream().filter(change -> change.type() != CONTRACT_END).findFirst())
                .orElseThrow(() -> new RuleViolationException(ErrorCode.NOT_CORRECTABLE, field, "A contract's end moves with a CONTRACT_EXTENSION"));
    }

    private Instant start() {
        return timeline.ofType(START).get(0).dueAt();
    }

    /** A termination must end a started employment; before the start, a pre-hire may only move, and a started worker not at all. */
    private void refuseBeforeStart(ScheduledChange change, Instant start) {
        if (change.type() == TERMINATION && !change.dueAt().isAfter(start)) {
            throw new RuleViolationException(ErrorCode.END_DATE_BEFORE_START, "effectiveDate",
                    "The employment ends before its start " + startDate + "; a no-show is a HIRE_CANCELLATION");
        }
        if (change.type() != TERMINATION && status != WorkerStatus.PRE_HIRE && change.dueAt().isBefore(start)) {
            throw new RuleViolationException(ErrorCode.EFFECTIVE_BEFORE_HIRE, "effectiveDate",
                    "The " + change.type() + " takes effect before the employment started at " + start + "; correct the hire if it started earlier");
        }
    }

    private void refuseTooFarBack(Instant effectiveAt, String field) {
        if (effectiveAt.isBefore(now)) {
            limit.check(effectiveAt, now, field);
        }
    }
}
