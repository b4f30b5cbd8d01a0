package org.accessledger.identity.hr;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One HR event as an HR adapter sends it (see README, "The HR event contract"). Checked by {@link HrEventTranslator}. */
public record HrEventRequest(String hrEventId,
                             HrEventType type,
                             String workerId,
                             LocalDate effectiveDate,
                             OffsetDateTime effectiveAt,
                             WorkerFields worker,
                             AssignmentFields assignment,
                             LocalDate newEndDate,
                             String reason,
                             String cancelsHrEventId,
                             String correctsHrEventId,
                             String rescindsHrEventId) {

    public record WorkerFields(String givenName,
                               String familyName,
                               String email,
                               org.accessledger.api.worker.WorkerType workerType,
                               String timeZone,
                               LocalDate endDate) {
    }

    public record AssignmentFields(String department,
                                   String jobCode,
                                   String location,
                                   String costCenter,
                                   String managerId) {
    }
}
