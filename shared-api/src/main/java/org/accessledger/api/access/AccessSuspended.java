package org.accessledger.api.access;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The worker keeps the entitlement but may not use it (leave of absence). */
@Revision("1")
public record AccessSuspended(WorkerId workerId,
                 EntitlementId entitlement,
                 Instant effectiveAt,
                 AccessReason reason) implements AccessEvent {
}
