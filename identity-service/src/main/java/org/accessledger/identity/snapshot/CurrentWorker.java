package org.accessledger.identity.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.identity.view.WorkerView;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** What AccessLedger holds of a worker now, as far as a snapshot can be compared with it. */
public record CurrentWorker(String workerId,
                            WorkerStatus status,
                            String givenName,
                            String familyName,
                            String email,
                            LocalDate startDate,
                            LocalDate endDate,
                            WorkerSnapshot.Assignment assignment,
                            Set<ChangeType> scheduled) {

    public static CurrentWorker of(WorkerView view) {
        Assignment assignment = view.assignment();
        Set<ChangeType> scheduled = EnumSet.noneOf(ChangeType.class);
        view.scheduled().forEach(change -> scheduled.add(change.type()));
        return new CurrentWorker(view.workerId(), view.status(), view.givenName(), view.familyName(), view.email(), view.startDate(),
                view.endDate(), new WorkerSnapshot.Assignment(assignment.department(), assignment.jobCode(), assignment.location(),
                assignment.costCenter(), assignment.managerId() == null ? null : assignment.managerId().value()), scheduled);
    }

    /** From one item of {@code GET /api/v1/workers}, as a client reads it. */
    public static CurrentWorker of(JsonNode view) {
        JsonNode assignment = view.path("assignment");
        Set<ChangeType> scheduled = EnumSet.noneOf(ChangeType.class);
        view.path("scheduled").forEach(change -> scheduled.add(ChangeType.valueOf(change.path("type").asText())));
        return new CurrentWorker(view.path("workerId").asText(), WorkerStatus.valueOf(view.path("status").asText()),
                text(view, "givenName"), text(view, "familyName"), text(view, "email"), date(view, "startDate"), date(view, "endDate"),
                new WorkerSnapshot.Assignment(text(assignment, "department"), text(assignment, "jobCode"), text(assignment, "location"),
                        text(assignment, "costCenter"), text(assignment, "managerId")),
                scheduled);
    }

    /** Employed, or about to be: a snapshot that no longer lists the worker means a leaver. */
    public boolean employed() {
        return status == WorkerStatus.PRE_HIRE || status == WorkerStatus.ACTIVE || status == WorkerStatus.ON_LEAVE;
    }

    boolean hasScheduled(ChangeType type) {
        return scheduled.contains(type);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }
}
