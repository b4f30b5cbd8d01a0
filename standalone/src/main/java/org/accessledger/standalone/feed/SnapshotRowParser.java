package org.accessledger.standalone.feed;

import org.accessledger.api.worker.WorkerId;
import org.accessledger.identity.snapshot.WorkerSnapshot;
import org.accessledger.api.worker.WorkerType;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one row of a snapshot file as a {@link WorkerSnapshot}, naming every fault of the row at once. */
final class SnapshotRowParser {

    private SnapshotRowParser() {
    }

    /** A row that cannot be read as a worker, and why. */
    static final class MalformedRowException extends Exception {
        MalformedRowException(String message) {
            super(message);
        }
    }

    /** Reads the row's values ({@code header → value}) through {@code layout}. */
    static WorkerSnapshot parse(Map<String, String> values, SnapshotLayout layout) throws MalformedRowException {
        Fields fields = new Fields(values, layout);
        String workerId = fields.text(SnapshotField.WORKER_ID);
        if (workerId != null && !WorkerId.isValid(workerId)) {
            fields.problems.add("workerId must be " + WorkerId.RULE);
        }
        WorkerSnapshot row = new WorkerSnapshot(workerId, fields.text(SnapshotField.GIVEN_NAME), fields.text(SnapshotField.FAMILY_NAME),
                fields.text(SnapshotField.EMAIL), fields.workerType(), fields.timeZone(), fields.date(SnapshotField.START_DATE),
                fields.date(SnapshotField.END_DATE),
                new WorkerSnapshot.Assignment(fields.text(SnapshotField.DEPARTMENT), fields.text(SnapshotField.JOB_CODE),
                        fields.text(SnapshotField.LOCATION), fields.text(SnapshotField.COST_CENTER), fields.text(SnapshotField.MANAGER_ID)),
                fields.date(SnapshotField.LEAVE_START_DATE), fields.date(SnapshotField.LEAVE_END_DATE),
                fields.date(SnapshotField.TERMINATION_DATE), fields.text(SnapshotField.TERMINATION_REASON));
        if (row.startDate() != null && row.terminationDate() != null && row.terminationDate().isBefore(row.startDate())) {
            fields.problems.add("terminationDate is before startDate");
        }
        if (row.leaveStartDate() != null && row.leaveEndDate() != null && !row.leaveEndDate().isAfter(row.leaveStartDate())) {
            fields.problems.add("leaveEndDate is not after leaveStartDate");
        }
        if (row.workerType() == WorkerType.CONTRACTOR && row.endDate() == null) {
            fields.problems.add("endDate is required for a CONTRACTOR");
        }
        String managerId = row.assignment().managerId();
        if (managerId != null && !WorkerId.isValid(managerId)) {
            fields.problems.add("managerId must be a worker id: " + WorkerId.RULE);
        }
        if (!fields.problems.isEmpty()) {
            throw new MalformedRowException(String.join("; ", fields.problems));
        }
        return row;
    }

    private static final class Fields {
        private final Map<String, String> values;
        private final SnapshotLayout layout;
        private final List<String> problems = new ArrayList<>();

        Fields(Map<String, String> values, SnapshotLayout layout) {
            this.values = values;
            this.layout = layout;
        }

        String text(SnapshotField field) {
            String value = values.get(layout.header(field));
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    problems.add(field.defaultHeader() + " is required");
                }
                return null;
            }
            return value.strip();
        }

        LocalDate date(SnapshotField field) {
            String value = text(field);
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeException e) {
                problems.add(field.defaultHeader() + " must be a date as 2026-12-31, not \"" + value + "\"");
                return null;
            }
        }

        WorkerType workerType() {
            String value = text(SnapshotField.WORKER_TYPE);
            try {
                return value == null ? null : WorkerType.valueOf(value);
            } catch (IllegalArgumentException e) {
                problems.add("workerType must be one of " + List.of(WorkerType.values()) + ", not \"" + value + "\"");
                return null;
            }
        }

        String timeZone() {
            String value = text(SnapshotField.TIME_ZONE);
            if (value != null && !ZoneId.getAvailableZoneIds().contains(value)) {
                problems.add("timeZone must be an IANA name such as Europe/London, not \"" + value + "\"");
                return null;
            }
            return value;
        }
    }
}
