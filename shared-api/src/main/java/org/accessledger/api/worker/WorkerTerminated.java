package org.accessledger.api.worker;

import org.accessledger.api.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The employment ended: the worker is terminated. */
@Revision("1")
public record WorkerTerminated(WorkerId workerId,
                 HrEventId hrEventId,
                 Instant effectiveAt,
                 @PersonalData String reason) implements WorkerEvent {
}
