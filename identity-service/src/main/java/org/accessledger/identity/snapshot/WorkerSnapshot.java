package org.accessledger.identity.snapshot;

import org.accessledger.api.worker.WorkerType;

import java.time.LocalDate;

/**
 * One worker as HR's system of record shows it now, from whichever door it came (a row of a snapshot file, a SCIM
 * User): what {@link SnapshotDiff} compares with AccessLedger's view of the worker.
 */
public record WorkerSnapshot(String workerId,
                             String givenName,
                             String familyName,
                             String email,
                             WorkerType workerType,
                             String timeZone,
                             LocalDate startDate,
                             LocalDate endDate,
                             Assignment assignment,
                             LocalDate leaveStartDate,
                             LocalDate leaveEndDate,
                             LocalDate terminationDate,
                             String terminationReason) {

    /** The organisational placement the HR API's {@code assignment} carries. */
    public record Assignment(String department, String jobCode, String location, String costCenter, String managerId) {
    }
}
