package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A terminated worker was hired again: a new employment period, a pre-hire until {@link WorkerStarted}. */
@Revision("1")
public record WorkerRehired(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt,
                 int employment,
                 LocalDate startDate,
                 PersonDetails person,
                 Assignment assignment) implements WorkerEvent {
}
