package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The worker returned from leave of absence. */
@Revision("1")
public record LeaveEnded(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt) implements WorkerEvent {
}
