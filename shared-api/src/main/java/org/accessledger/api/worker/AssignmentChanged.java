package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The worker's assignment changed (a mover); {@code assignment} is the whole new assignment. */
@Revision("1")
public record AssignmentChanged(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt,
                 Assignment previous,
                 Assignment assignment) implements WorkerEvent {
}
