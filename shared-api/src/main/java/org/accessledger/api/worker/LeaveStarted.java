package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The worker went on leave of absence. */
@Revision("1")
public record LeaveStarted(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt) implements WorkerEvent {
}
