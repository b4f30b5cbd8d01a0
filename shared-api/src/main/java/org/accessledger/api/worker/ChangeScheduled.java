package org.accessledger.api.worker;

import org.accessledger.api.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A change will take effect at {@code effectiveAt}; it is identified by its HR event id and type. */
@Revision("1")
public record ChangeScheduled(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt,
                 ChangeType type,
                 AssignmentChange assignmentChange,
                 @PersonalData String reason) implements WorkerEvent {
}
