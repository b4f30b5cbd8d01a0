package org.accessledger.standalone.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.api.worker.WorkerStatus;

import java.time.LocalDate;

/** What AccessLedger holds of a worker now, as far as a snapshot can be compared with it. */
public record CurrentWorker(String workerId,
                            WorkerStatus status,
                            String givenName,
                            String familyName,
                            String email,
                            LocalDate startDate,
                            LocalDate endDate,
                            SnapshotRow.Assignment assignment,
                            boolean terminationScheduled) {

    /** From one item of {@code GET /api/v1/workers}. */
    public static CurrentWorker of(JsonNode view) {
        JsonNode assignment = view.path("assignment");
        boolean terminationScheduled = false;
        for (JsonNode change : view.path("scheduled")) {
            terminationScheduled |= "TERMINATION".equals(change.path("type").asText());
        }
        return new CurrentWorker(view.path("workerId").asText(), WorkerStatus.valueOf(view.path("status").asText()),
                text(view, "givenName"), text(view, "familyName"), text(view, "email"), date(view, "startDate"), date(view, "endDate"),
                new SnapshotRow.Assignment(text(assignment, "department"), text(assignment, "jobCode"), text(assignment, "location"),
                        text(assignment, "costCenter"), text(assignment, "managerId")),
                terminationScheduled);
    }

    /** Employed, or about to be: a snapshot that no longer lists the worker means a leaver. */
    public boolean employed() {
        return status == WorkerStatus.PRE_HIRE || status == WorkerStatus.ACTIVE || status == WorkerStatus.ON_LEAVE;
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
