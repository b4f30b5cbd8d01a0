package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** The last day of a fixed-term contract moved; access ends at {@code contractEndsAt}. */
@Revision("1")
public record ContractEndChanged(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt,
                 LocalDate previousEndDate,
                 LocalDate endDate,
                 Instant contractEndsAt) implements WorkerEvent {
}
