package org.accessledger.identity.worker;

import org.accessledger.api.worker.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.accessledger.api.worker.ChangeType.*;

/**
 * A worker as its events left it: the current employment's timeline and the steps of it recorded so far, its terms,
 * and the HR events already handled. How each event changes it is defined here once.
 */
final class WorkerState {

    private WorkerStatus status;
    private int employment;
    private PersonDetails person;
    private LocalDate startDate;
    private Instant endedAt;
    private Instant previousEnd;
    private boolean erased;
    private EmploymentTimeline timeline;
    private final List<TimelineStep> steps = new ArrayList<>();
    private final List<TimelineChange> dormant = new ArrayList<>();
    private final Set<HrEventId> handled = new HashSet<>();

    void apply(WorkerEvent event) {
        handled.add(event.hrEventId());
        if (event instanceof WorkerHired hired) {
            begin(hired.employment(), hired.startDate(), hired.person(), hired.assignment());
        } else if (event instanceof WorkerRehired rehired) {
            begin(rehired.employment(), rehired.startDate(), rehired.person(), rehired.assignment());
        } else if (event instanceof ChangeScheduled scheduled) {
            timeline = timeline.with(ScheduledChange.from(scheduled));
        } else if (event instanceof ScheduledChangeCancelled cancelled) {
            timeline = timeline.without(cancelled.scheduledBy(), cancelled.type());
            dormant.removeIf(change -> change.hrEventId().equals(cancelled.scheduledBy()) && change.type() == cancelled.type());
        } else if (event instanceof WorkerTimelineCorrected corrected) {
            correct(corrected);
        } else if (event instanceof ContractEndChanged changed) {
            person = new PersonDetails(person.givenName(), person.familyName(), person.email(), person.workerType(), person.timeZone(), changed.endDate());
        } else if (event instanceof HireCancelled) {
            status = WorkerStatus.HIRE_CANCELLED;
        } else if (event instanceof PersonalDataErased) {
            erased = true;
        } else {
            tookEffect(changeOf(event));
        }
    }

    boolean erased() {
        return erased;
    }

    boolean handled(HrEventId hrEventId) {
        return handled.contains(hrEventId);
    }

    WorkerStatus status() {
        return status;
    }

    int employment() {
        return employment;
    }

    PersonDetails person() {
        return person;
    }

    LocalDate startDate() {
        return startDate;
    }

    Instant endedAt() {
        return endedAt;
    }

    Instant previousEnd() {
        return previousEnd;
    }

    EmploymentTimeline timeline() {
        return timeline;
    }

    List<TimelineStep> steps() {
        return List.copyOf(steps);
    }

    /** Changes that took effect once and that the corrected timeline voids; they stay on it and take effect again where it lets them. */
    List<TimelineChange> dormant() {
        return List.copyOf(dormant);
    }

    private void begin(int number, LocalDate firstDay, PersonDetails newPerson, Assignment hiredAs) {
        status = WorkerStatus.PRE_HIRE;
        employment = number;
        person = newPerson;
        startDate = firstDay;
        previousEnd = endedAt;
        endedAt = null;
        timeline = EmploymentTimeline.hiredAs(hiredAs);
        steps.clear();
        dormant.clear();
    }

    private static ScheduledChange changeOf(WorkerEvent event) {
        if (event instanceof AssignmentChanged changed) {
            return new ScheduledChange(changed.hrEventId(), ASSIGNMENT_CHANGE, changed.effectiveAt(), changed.fieldsChanged(), null);
        }
        if (event instanceof WorkerTerminated terminated) {
            return new ScheduledChange(terminated.hrEventId(), TERMINATION, terminated.effectiveAt(), null, terminated.reason());
        }
        ChangeType type = event instanceof WorkerStarted ? START : event instanceof LeaveStarted ? LEAVE_START
                : event instanceof LeaveEnded ? LEAVE_END : CONTRACT_END;
        return ScheduledChange.of(type, event.hrEventId(), event.effectiveAt());
    }

    private void tookEffect(ScheduledChange change) {
        Assignment before = steps.isEmpty() ? timeline.hiredAs() : steps.get(steps.size() - 1).assignment();
        Assignment after = change.type() == ASSIGNMENT_CHANGE ? before.with(change.assignmentChange()) : before;
        status = Lifecycle.statusAfter(change.type(), status);
        timeline = timeline.with(change);
        steps.add(new TimelineStep(change.published(), status, after));
        endedAt = status == WorkerStatus.TERMINATED ? change.dueAt() : null;
    }

    private void correct(WorkerTimelineCorrected corrected) {
        TimelineEdit edit = corrected.edit();
        if (edit.withdrawn() != null) {
            timeline = timeline.without(edit.withdrawn().hrEventId(), edit.withdrawn().type());
        }
        if (edit.added() != null) {
            timeline = timeline.with(ScheduledChange.from(edit.added()));
        }
        dormant.clear();
        dormant.addAll(corrected.voided());
        timeline = timeline.withHiredAs(corrected.hiredAs());
        steps.removeIf(step -> !step.change().effectiveAt().isBefore(corrected.effectiveAt()));
        steps.addAll(corrected.steps());
        status = corrected.status();
        startDate = corrected.startDate();
        endedAt = status == WorkerStatus.TERMINATED ? steps.get(steps.size() - 1).change().effectiveAt() : null;
    }
}
