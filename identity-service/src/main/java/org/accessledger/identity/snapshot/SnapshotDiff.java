package org.accessledger.identity.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.WorkerStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The HR events that bring AccessLedger's view of a worker to what HR's system of record shows now (a row of a full
 * snapshot file, a SCIM User). Each event's id is derived from a digest of what was sent (the file, the SCIM
 * operation), the worker and the type: the same input again gives the same ids (DUPLICATE), a later one new ones. What the HR API has no event for (a changed name, a start date moved) is left alone and
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

    public Plan of(WorkerSnapshot row, CurrentWorker current) {
        Plan plan = new Plan(new ArrayList<>(), new ArrayList<>());
        if (current == null) {
            plan.events.add(joiner("HIRE", row));
            terminateIfLeft(row, plan);
        } else if (!current.employed()) {
            rehireIfReturned(row, current, plan);
        } else {
            move(row, current, plan);
            extend(row, current, plan);
            leave(row, current, plan);
            if (!current.hasScheduled(ChangeType.TERMINATION)) {
                terminateIfLeft(row, plan);
            }
            noteWhatStays(row, current, plan);
        }
        return plan;
    }

    /** A worker AccessLedger holds as employed whom the snapshot no longer lists. */
    public Plan missing(CurrentWorker current, boolean terminate) {
        if (!current.employed() || current.hasScheduled(ChangeType.TERMINATION)) {
            return new Plan(List.of(), List.of());
        }
        if (!terminate) {
            return new Plan(List.of(), List.of("not in the snapshot; still " + current.status() + " (--terminate-missing ends the employment)"));
        }
        ObjectNode termination = event("TERMINATION", current.workerId()).put("effectiveDate", today.toString())
                .put("reason", "missing from a full HR snapshot");
        return new Plan(List.of(termination), List.of());
    }

    private void rehireIfReturned(WorkerSnapshot row, CurrentWorker current, Plan plan) {
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

    private void move(WorkerSnapshot row, CurrentWorker current, Plan plan) {
        WorkerSnapshot.Assignment to = row.assignment();
        WorkerSnapshot.Assignment from = current.assignment();
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

    private void extend(WorkerSnapshot row, CurrentWorker current, Plan plan) {
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

    /** A leave the snapshot shows that has not ended yet starts; a leave AccessLedger holds ends on the snapshot's date. */
    private void leave(WorkerSnapshot row, CurrentWorker current, Plan plan) {
        boolean leaveAhead = row.leaveStartDate() != null && (row.leaveEndDate() == null || row.leaveEndDate().isAfter(today));
        boolean starts = current.status() == WorkerStatus.ACTIVE && leaveAhead && !current.hasScheduled(ChangeType.LEAVE_START);
        if (starts) {
            plan.events.add(event("LEAVE_START", row.workerId()).put("effectiveDate", row.leaveStartDate().toString()));
        }
        boolean onLeave = starts || current.status() == WorkerStatus.ON_LEAVE || current.hasScheduled(ChangeType.LEAVE_START);
        if (onLeave && row.leaveEndDate() != null && !current.hasScheduled(ChangeType.LEAVE_END)) {
            plan.events.add(event("LEAVE_END", row.workerId()).put("effectiveDate", row.leaveEndDate().toString()));
        }
    }

    private void terminateIfLeft(WorkerSnapshot row, Plan plan) {
        if (row.terminationDate() != null) {
            plan.events.add(event("TERMINATION", row.workerId()).put("effectiveDate", row.terminationDate().toString())
                    .put("reason", row.terminationReason() == null ? "terminated in the HR snapshot" : row.terminationReason()));
        }
    }

    private static void noteWhatStays(WorkerSnapshot row, CurrentWorker current, Plan plan) {
        if (current.startDate() != null && !current.startDate().equals(row.startDate())) {
            plan.notes.add("startDate " + row.startDate() + " differs from " + current.startDate() + " (send a CORRECTION of the hire)");
        }
        if (!Objects.equals(row.givenName(), current.givenName()) || !Objects.equals(row.familyName(), current.familyName())
                || !Objects.equals(row.email(), current.email())) {
            plan.notes.add("name or e-mail differ; the HR API has no event that changes them");
        }
    }

    private ObjectNode joiner(String type, WorkerSnapshot row) {
        ObjectNode event = event(type, row.workerId()).put("effectiveDate", row.startDate().toString());
        ObjectNode worker = event.putObject("worker").put("givenName", row.givenName()).put("familyName", row.familyName())
                .put("email", row.email()).put("workerType", row.workerType().name()).put("timeZone", row.timeZone());
        if (row.endDate() != null) {
            worker.put("endDate", row.endDate().toString());
        }
        WorkerSnapshot.Assignment assignment = row.assignment();
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
