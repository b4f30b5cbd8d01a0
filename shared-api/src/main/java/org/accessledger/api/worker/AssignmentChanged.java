package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The worker's assignment changed (a mover); {@code assignment} is the whole new assignment, {@code change} the fields
 * HR changed (absent in revision 1, whose change is the difference of the two assignments).
 */
@Revision("2")
public record AssignmentChanged(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt,
                 Assignment previous,
                 Assignment assignment,
                 AssignmentChange change) implements WorkerEvent {

    /** The fields HR changed; for an event stored before they were recorded, the fields that differ. */
    public AssignmentChange fieldsChanged() {
        if (change != null) {
            return change;
        }
        return new AssignmentChange(differing(previous.department(), assignment.department()), differing(previous.jobCode(), assignment.jobCode()),
                differing(previous.location(), assignment.location()), differing(previous.costCenter(), assignment.costCenter()),
                differing(previous.managerId(), assignment.managerId()));
    }

    private static <T> T differing(T before, T after) {
        return java.util.Objects.equals(before, after) ? null : after;
    }
}
