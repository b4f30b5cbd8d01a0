package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fixed-term contract reached its end: the worker is terminated. */
@Revision("1")
public record ContractExpired(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt) implements WorkerEvent {
}
