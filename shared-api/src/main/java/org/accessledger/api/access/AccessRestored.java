package org.accessledger.api.access;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A suspended entitlement is usable again. */
@Revision("1")
public record AccessRestored(WorkerId workerId,
                 EntitlementId entitlement,
                 Instant effectiveAt,
                 AccessReason reason) implements AccessEvent {
}
