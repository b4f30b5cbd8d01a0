package org.accessledger.identity.worker;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.TimelineStep;
import org.accessledger.api.worker.WorkerStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accepted changes of one employment on its effective timeline, in the order they take effect whatever order HR
 * sent them in. The worker's state at an instant is the fold of the changes due by then, from the assignment hired
 * with; a change that does not fit the state it meets there is void. Immutable.
 */
final class EmploymentTimeline {

    /** The fold up to an instant: the steps that took effect, the changes that were void there, and the state reached. */
    record Fold(List<TimelineStep> steps, List<Voided> voided, WorkerStatus status, Assignment assignment) {
    }

    record Voided(ScheduledChange change, ErrorCode refusal) {
    }

    private final Assignment hiredAs;
    private final List<ScheduledChange> changes;

    private EmploymentTimeline(Assignment hiredAs, List<ScheduledChange> changes) {
        this.hiredAs = hiredAs;
        this.changes = List.copyOf(changes);
    }

    static EmploymentTimeline hiredAs(Assignment assignment) {
        return new EmploymentTimeline(assignment, List.of());
    }

    Assignment hiredAs() {
        return hiredAs;
    }

    EmploymentTimeline withHiredAs(Assignment assignment) {
        return new EmploymentTimeline(assignment, changes);
    }

    /** With {@code change} in its place, replacing the change of the same HR event and type; later than the ones due at the same instant. */
    EmploymentTimeline with(ScheduledChange change) {
        if (changes.contains(change)) {
            return this;
        }
        List<ScheduledChange> next = new ArrayList<>(without(change.hrEventId(), change.type()).changes);
        int position = 0;
        while (position < next.size() && ScheduledChange.IN_ORDER_OF_EFFECT.compare(next.get(position), change) <= 0) {
            position++;
        }
        next.add(position, change);
        return new EmploymentTimeline(hiredAs, next);
    }

    EmploymentTimeline without(HrEventId hrEventId, ChangeType type) {
        return new EmploymentTimeline(hiredAs, changes.stream().filter(change -> !change.sameAs(hrEventId, type)).toList());
    }

    List<ScheduledChange> changesOf(HrEventId hrEventId) {
        return changes.stream().filter(change -> change.hrEventId().equals(hrEventId)).toList();
    }

    Optional<ScheduledChange> find(ScheduledChange like) {
        return changes.stream().filter(like::sameAs).findFirst();
    }

    List<ScheduledChange> pendingAfter(Instant now) {
        return changes.stream().filter(change -> !change.isDueBy(now)).toList();
    }

    List<ScheduledChange> ofType(ChangeType type) {
        return changes.stream().filter(change -> change.type() == type).toList();
    }

    Fold foldUpTo(Instant now) {
        WorkerStatus status = WorkerStatus.PRE_HIRE;
        Assignment assignment = hiredAs;
        List<TimelineStep> steps = new ArrayList<>();
        List<Voided> voided = new ArrayList<>();
        for (ScheduledChange change : changes) {
            if (!change.isDueBy(now)) {
                break;
            }
            Optional<ErrorCode> refusal = Lifecycle.refusal(change.type(), status);
            if (refusal.isPresent()) {
                voided.add(new Voided(change, refusal.get()));
                continue;
            }
            status = Lifecycle.statusAfter(change.type(), status);
            if (change.type() == ChangeType.ASSIGNMENT_CHANGE) {
                assignment = assignment.with(change.assignmentChange());
            }
            steps.add(new TimelineStep(change.published(), status, assignment));
        }
        return new Fold(steps, voided, status, assignment);
    }
}
