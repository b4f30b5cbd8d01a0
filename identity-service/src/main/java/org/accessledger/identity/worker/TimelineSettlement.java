package org.accessledger.identity.worker;

import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The events that bring what a worker has recorded in line with the fold of its timeline now. Changes that extend the
 * recorded steps are recorded one by one as they take effect; a change that alters steps already recorded re-folds the
 * timeline from the earliest instant it alters, in one {@link WorkerTimelineCorrected}; so does every correction and
 * rescind of a change that was or is to be in effect by now, so that the history names it even when the steps come
 * out the same. One that only moves a pending change is recorded as that change cancelled and scheduled again. A change that took effect
 * and that a later arrival voids (a move after a back-dated termination) stays on the timeline, dormant: it takes
 * effect again if a later edit makes room for it, so the timeline is the same whatever order HR sent the changes in. Pure, like {@code AccessDecider}.
 *
 * @param cause        the HR event being handled, or {@code null} when only the calendar moved on
 * @param edit         what that HR event changed on the timeline, or {@code null} when it added nothing
 * @param withdrawnWhy why a pending change the event withdraws is cancelled
 * @param startDate    the employment's first day, as the timeline has it after the event
 */
record TimelineSettlement(HrEventId cause, TimelineEdit edit, String withdrawnWhy, LocalDate startDate) {

    static TimelineSettlement catchUp(LocalDate startDate) {
        return new TimelineSettlement(null, null, null, startDate);
    }

    List<WorkerEvent> settle(WorkerId workerId, List<TimelineStep> recorded, List<TimelineChange> dormant, EmploymentTimeline before,
                             EmploymentTimeline after, Instant now) {
        EmploymentTimeline.Fold fold = after.foldUpTo(now);
        refuseIfTheAddedChangeCannotStand(fold, now);
        List<WorkerEvent> events = new ArrayList<>();
        List<ScheduledChange> pendingBefore = before.pendingAfter(now);
        List<ScheduledChange> pendingAfter = after.pendingAfter(now);
        pendingBefore.stream().filter(change -> !pendingAfter.contains(change))
                .forEach(change -> events.add(cancelled(workerId, cause, now, change, withdrawnWhy)));
        List<TimelineChange> voidedInEffect = new ArrayList<>();
        fold.voided().forEach(voided -> {
            if (tookEffectOnce(voided.change(), recorded, dormant)) {
                voidedInEffect.add(voided.change().published());
            } else {
                events.add(cancelled(workerId, voided.change().hrEventId(), voided.change().dueAt(), voided.change(),
                        "no longer applicable: " + voided.refusal()));
            }
        });
        boolean ended = fold.status() == WorkerStatus.TERMINATED;
        if (ended) {
            TimelineChange end = fold.steps().get(fold.steps().size() - 1).change();
            pendingAfter.stream().filter(pendingBefore::contains)
                    .forEach(change -> events.add(cancelled(workerId, end.hrEventId(), end.effectiveAt(), change, "employment ended")));
        }
        int common = commonPrefix(recorded, fold.steps());
        boolean correction = edit != null && edit.kind() != TimelineEdit.Kind.LATE_CHANGE && touchesThePast(now)
                || !new HashSet<>(voidedInEffect).equals(new HashSet<>(dormant));
        if (common == recorded.size() && !correction) {
            for (int i = common; i < fold.steps().size(); i++) {
                Assignment previous = i == 0 ? after.hiredAs() : fold.steps().get(i - 1).assignment();
                events.add(tookEffect(workerId, fold.steps().get(i), previous));
            }
        } else {
            events.add(corrected(workerId, recorded, fold, common, voidedInEffect, after, now));
        }
        if (!ended) {
            pendingAfter.stream().filter(change -> !pendingBefore.contains(change)).forEach(change -> events.add(new ChangeScheduled(workerId,
                    change.hrEventId(), change.dueAt(), change.type(), change.assignmentChange(), change.reason())));
        }
        return events;
    }

    private void refuseIfTheAddedChangeCannotStand(EmploymentTimeline.Fold fold, Instant now) {
        if (edit == null || edit.added() == null) {
            return;
        }
        ScheduledChange added = ScheduledChange.from(edit.added());
        if (!added.isDueBy(now)) {
            Lifecycle.refusalToSchedule(fold.status()).ifPresent(code -> {
                throw new RuleViolationException(code, "type", "The worker is " + fold.status() + "; nothing more can be scheduled");
            });
        }
        fold.voided().stream().filter(voided -> voided.change().sameAs(added)).findFirst().ifPresent(voided -> {
            throw new RuleViolationException(voided.refusal(), "type", "On the worker's timeline this " + added.type()
                    + " meets a worker who cannot take it then (" + voided.refusal() + ")");
        });
    }

    private WorkerTimelineCorrected corrected(WorkerId workerId, List<TimelineStep> recorded, EmploymentTimeline.Fold fold, int common,
                                              List<TimelineChange> voided, EmploymentTimeline after, Instant now) {
        Instant refoldedFrom = Stream.of(common < recorded.size() ? recorded.get(common).change() : null,
                        common < fold.steps().size() ? fold.steps().get(common).change() : null, edit.withdrawn(), edit.added())
                .filter(Objects::nonNull).map(TimelineChange::effectiveAt).min(Comparator.naturalOrder()).orElse(now);
        List<TimelineStep> steps = fold.steps().stream().filter(step -> !step.change().effectiveAt().isBefore(refoldedFrom)).toList();
        return new WorkerTimelineCorrected(workerId, cause, refoldedFrom, now, edit, startDate, after.hiredAs(), steps, voided,
                fold.status(), fold.assignment());
    }

    private boolean touchesThePast(Instant now) {
        return Stream.of(edit.withdrawn(), edit.added()).filter(Objects::nonNull).anyMatch(change -> !change.effectiveAt().isAfter(now));
    }

    /** A change recorded as a step, or one a correction voided after it had: it stays on the timeline, void while it does not fit. */
    private static boolean tookEffectOnce(ScheduledChange change, List<TimelineStep> recorded, List<TimelineChange> dormant) {
        return recorded.stream().anyMatch(step -> ScheduledChange.from(step.change()).sameAs(change))
                || dormant.stream().anyMatch(voided -> ScheduledChange.from(voided).sameAs(change));
    }

    private static int commonPrefix(List<TimelineStep> recorded, List<TimelineStep> folded) {
        int i = 0;
        while (i < recorded.size() && i < folded.size() && recorded.get(i).equals(folded.get(i))) {
            i++;
        }
        return i;
    }

    private static WorkerEvent tookEffect(WorkerId workerId, TimelineStep step, Assignment previous) {
        TimelineChange change = step.change();
        HrEventId cause = change.hrEventId();
        Instant at = change.effectiveAt();
        return switch (change.type()) {
            case START -> new WorkerStarted(workerId, cause, at);
            case ASSIGNMENT_CHANGE -> new AssignmentChanged(workerId, cause, at, previous, step.assignment(), change.assignmentChange());
            case LEAVE_START -> new LeaveStarted(workerId, cause, at);
            case LEAVE_END -> new LeaveEnded(workerId, cause, at);
            case TERMINATION -> new WorkerTerminated(workerId, cause, at, change.reason());
            case CONTRACT_END -> new ContractExpired(workerId, cause, at);
        };
    }

    static ScheduledChangeCancelled cancelled(WorkerId workerId, HrEventId cause, Instant at, ScheduledChange change, String why) {
        return new ScheduledChangeCancelled(workerId, cause, at, change.hrEventId(), change.type(), why);
    }
}
