package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A worker was hired and is a pre-hire until {@link WorkerStarted}; {@code effectiveAt} is the start. */
@Revision("1")
public record WorkerHired(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt,
                 int employment,
                 LocalDate startDate,
                 PersonDetails person,
                 Assignment assignment) implements WorkerEvent {
}
