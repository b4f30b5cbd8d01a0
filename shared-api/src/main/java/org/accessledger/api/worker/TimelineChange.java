package org.accessledger.api.worker;

import org.accessledger.api.privacy.PersonalData;

import java.time.Instant;

/**
 * One accepted change of an employment as it sits on the worker's effective timeline, identified by the HR event that
 * made it and its type. {@code assignmentChange} is set for a move, {@code reason} for a termination.
 */
public record TimelineChange(HrEventId hrEventId,
                             ChangeType type,
                             Instant effectiveAt,
                             AssignmentChange assignmentChange,
                             @PersonalData String reason) {
}
