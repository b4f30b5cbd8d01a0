package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A scheduled change will not take effect; {@code hrEventId} is what cancelled it (or the change itself when it no longer fits). */
@Revision("1")
public record ScheduledChangeCancelled(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt,
                 HrEventId scheduledBy,
                 ChangeType type,
                 String why) implements WorkerEvent {
}
