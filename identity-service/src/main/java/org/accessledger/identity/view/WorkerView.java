package org.accessledger.identity.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.accessledger.api.privacy.PersonalData;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.AssignmentChange;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A worker as an auditor sees it now: lifecycle state, assignment, dates and the changes still to come. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerView(String workerId,
                         WorkerStatus status,
                         WorkerType workerType,
                         int employment,
                         @PersonalData String givenName,
                         @PersonalData String familyName,
                         @PersonalData String email,
                         String timeZone,
                         Assignment assignment,
                         LocalDate startDate,
                         LocalDate endDate,
                         List<Scheduled> scheduled) {

    /** A change that will take effect at {@code effectiveAt} unless HR cancels it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scheduled(String hrEventId, ChangeType type, Instant effectiveAt, AssignmentChange assignmentChange, @PersonalData String reason) {
    }

    static WorkerView hired(String workerId, int employment, PersonDetails person, Assignment assignment, LocalDate startDate) {
        return new WorkerView(workerId, WorkerStatus.PRE_HIRE, person.workerType(), employment, person.givenName(),
                person.familyName(), person.email(), person.timeZone().getId(), assignment, startDate, person.endDate(), List.of());
    }

    WorkerView withStatus(WorkerStatus newStatus) {
        return new WorkerView(workerId, newStatus, workerType, employment, givenName, familyName, email, timeZone,
                assignment, startDate, endDate, scheduled);
    }

    WorkerView withAssignment(Assignment newAssignment) {
        return new WorkerView(workerId, status, workerType, employment, givenName, familyName, email, timeZone,
                newAssignment, startDate, endDate, scheduled);
    }

    WorkerView corrected(WorkerStatus newStatus, Assignment newAssignment, LocalDate newStartDate) {
        return new WorkerView(workerId, newStatus, workerType, employment, givenName, familyName, email, timeZone,
                newAssignment, newStartDate, endDate, scheduled);
    }

    WorkerView withEndDate(LocalDate newEndDate) {
        return new WorkerView(workerId, status, workerType, employment, givenName, familyName, email, timeZone,
                assignment, startDate, newEndDate, scheduled);
    }

    WorkerView withScheduled(Scheduled change) {
        List<Scheduled> changes = new ArrayList<>(scheduled);
        changes.add(change);
        changes.sort(java.util.Comparator.comparing(Scheduled::effectiveAt).thenComparing(Scheduled::type));
        return withScheduledList(changes);
    }

    WorkerView withoutScheduled(String hrEventId, ChangeType type) {
        return withScheduledList(scheduled.stream()
                .filter(change -> !(change.hrEventId().equals(hrEventId) && change.type() == type)).toList());
    }

    /** Names, e-mail and free text read as erased; ids, dates and the assignment stay. */
    WorkerView withPersonalDataErased() {
        return new WorkerView(workerId, status, workerType, employment, PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED, timeZone,
                assignment, startDate, endDate, scheduled.stream().map(change -> new Scheduled(change.hrEventId(), change.type(), change.effectiveAt(),
                change.assignmentChange(), change.reason() == null ? null : PersonalData.ERASED)).toList());
    }

    private WorkerView withScheduledList(List<Scheduled> changes) {
        return new WorkerView(workerId, status, workerType, employment, givenName, familyName, email, timeZone,
                assignment, startDate, endDate, List.copyOf(changes));
    }
}
