package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A pre-hire did not show up: the hire is withdrawn before its start. */
@Revision("1")
public record HireCancelled(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt) implements WorkerEvent {
}
