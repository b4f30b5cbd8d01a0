package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The start date arrived: the worker is active. */
@Revision("1")
public record WorkerStarted(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt) implements WorkerEvent {
}
