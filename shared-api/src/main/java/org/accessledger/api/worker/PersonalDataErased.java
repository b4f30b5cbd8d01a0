package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The worker's personal data was erased: the worker's data key is destroyed, so every name, e-mail address and free
 * text recorded for them reads as {@code "[erased]"} from now on, while ids, dates, entitlements, reasons and
 * provisioning outcomes stay. Holds no personal data itself; {@code requestedBy} is the operator who asked.
 * {@code effectiveAt} is when it was recorded.
 */
@Revision("1")
public record PersonalDataErased(WorkerId workerId,
                                 HrEventId hrEventId,
                                 Instant effectiveAt,
                                 Instant terminatedAt,
                                 String requestedBy) implements WorkerEvent {
}
