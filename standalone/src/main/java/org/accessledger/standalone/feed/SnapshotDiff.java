package org.accessledger.standalone.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The HR events that bring AccessLedger's view of a worker to what a full snapshot shows. Each event's id is derived
 * from the snapshot's digest, the worker and the type: importing the same file again sends the same ids (DUPLICATE),
 * a later file new ones. What the HR API has no event for (a changed name, a start date moved) is left alone and
 * noted.
 */
public final class SnapshotDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String snapshotDigest;
    private final LocalDate today;

    public SnapshotDiff(String snapshotDigest, LocalDate today) {
        this.snapshotDigest = snapshotDigest;
        this.today = today;
    }

    /** What a row's worker needs: events to send (none when unchanged) and what the import cannot change. */
    public record Plan(List<ObjectNode> events, List<String> notes) {
        public boolean unchanged() {
            return events.isEmpty();
        }
    }

    public Plan of(SnapshotRow row, CurrentWorker current) {
        Plan plan = new Plan(new ArrayList<>(), new ArrayList<>());
        if (current == null) {
            plan.events.add(joiner("HIRE", row));
            terminateIfLeft(row, plan);
        } else if (!current.employed()) {
            rehireIfReturned(row, current, plan);
        } else {
            move(row, current, plan);
            extend(row, current, plan);
            if (!current.terminationScheduled()) {
                terminateIfLeft(row, plan);
            }
            noteWhatStays(row, current, plan);
        }
        return plan;
    }

    /** A worker AccessLedger holds as employed whom the snapshot no longer lists. */
    public Plan missing(CurrentWorker current, boolean terminate) {
        if (!current.employed() || current.terminationScheduled()) {
            return new Plan(List.of(), List.of());
        }
        if (!terminate) {
            return new Plan(List.of(), List.of("not in the snapshot; still " + current.status() + " (--terminate-missing ends the employment)"));
        }
        ObjectNode termination = event("TERMINATION", current.workerId()).put("effectiveDate", today.toString())
                .put("reason", "missing from a full HR snapshot");
        return new Plan(List.of(termination), List.of());
    }

    private void rehireIfReturned(SnapshotRow row, CurrentWorker current, Plan plan) {
        if (row.terminationDate() != null) {
            return;
        }
        if (current.startDate() == null || row.startDate().isAfter(current.startDate())) {
            plan.events.add(joiner("REHIRE", row));
        } else {
            plan.notes.add("AccessLedger shows the worker " + current.status() + "; the snapshot shows the employment started "
                    + row.startDate() + " still running (send a RESCIND of the termination, or a REHIRE)");
        }
    }

    private void move(SnapshotRow row, CurrentWorker current, Plan plan) {
        SnapshotRow.Assignment to = row.assignment();
        SnapshotRow.Assignment from = current.assignment();
        ObjectNode change = JSON.createObjectNode();
        putIfChanged(change, "department", from.department(), to.department());
        putIfChanged(change, "jobCode", from.jobCode(), to.jobCode());
        putIfChanged(change, "location", from.location(), to.location());
        putIfChanged(change, "costCenter", from.costCenter(), to.costCenter());
        putIfChanged(change, "managerId", from.managerId(), to.managerId());
        if (to.managerId() == null && from.managerId() != null) {
            plan.notes.add("the snapshot names no manager; the manager " + from.managerId() + " stays (a move cannot remove one)");
        }
        if (!change.isEmpty()) {
            LocalDate effective = current.startDate() != null && current.startDate().isAfter(today) ? current.startDate() : today;
            ObjectNode move = event("ASSIGNMENT_CHANGE", row.workerId()).put("effectiveDate", effective.toString());
            move.set("assignment", change);
            plan.events.add(move);
        }
    }

    private void extend(SnapshotRow row, CurrentWorker current, Plan plan) {
        if (row.endDate() == null || row.endDate().equals(current.endDate())) {
            return;
        }
        if (current.endDate() != null && row.endDate().isAfter(current.endDate())) {
            plan.events.add(event("CONTRACT_EXTENSION", row.workerId()).put("newEndDate", row.endDate().toString()));
        } else {
            plan.notes.add("the snapshot's endDate " + row.endDate() + " differs from " + current.endDate()
                    + "; only an extension is imported (send a TERMINATION to end a contract early)");
        }
    }

    private void terminateIfLeft(SnapshotRow row, Plan plan) {
        if (row.terminationDate() != null) {
            plan.events.add(event("TERMINATION", row.workerId()).put("effectiveDate", row.terminationDate().toString())
                    .put("reason", row.terminationReason() == null ? "terminated in the HR snapshot" : row.terminationReason()));
        }
    }

    private static void noteWhatStays(SnapshotRow row, CurrentWorker current, Plan plan) {
        if (current.startDate() != null && !current.startDate().equals(row.startDate())) {
            plan.notes.add("startDate " + row.startDate() + " differs from " + current.startDate() + " (send a CORRECTION of the hire)");
        }
        if (!Objects.equals(row.givenName(), current.givenName()) || !Objects.equals(row.familyName(), current.familyName())
                || !Objects.equals(row.email(), current.email())) {
            plan.notes.add("name or e-mail differ; the HR API has no event that changes them");
        }
    }

    private ObjectNode joiner(String type, SnapshotRow row) {
        ObjectNode event = event(type, row.workerId()).put("effectiveDate", row.startDate().toString());
        ObjectNode worker = event.putObject("worker").put("givenName", row.givenName()).put("familyName", row.familyName())
                .put("email", row.email()).put("workerType", row.workerType().name()).put("timeZone", row.timeZone());
        if (row.endDate() != null) {
            worker.put("endDate", row.endDate().toString());
        }
        SnapshotRow.Assignment assignment = row.assignment();
        ObjectNode fields = event.putObject("assignment").put("department", assignment.department()).put("jobCode", assignment.jobCode())
                .put("location", assignment.location()).put("costCenter", assignment.costCenter());
        if (assignment.managerId() != null) {
            fields.put("managerId", assignment.managerId());
        }
        return event;
    }

    private static void putIfChanged(ObjectNode change, String field, String current, String wanted) {
        if (wanted != null && !wanted.equals(current)) {
            change.put(field, wanted);
        }
    }

    private ObjectNode event(String type, String workerId) {
        return JSON.createObjectNode().put("hrEventId", hrEventId(type, workerId)).put("type", type).put("workerId", workerId);
    }

    private String hrEventId(String type, String workerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((snapshotDigest + "|" + workerId + "|" + type).getBytes(StandardCharsets.UTF_8));
            return "import-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
