package org.accessledger.api.access;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The worker no longer holds the entitlement from {@code effectiveAt}. */
@Revision("1")
public record AccessRevoked(WorkerId workerId,
                 EntitlementId entitlement,
                 Instant effectiveAt,
                 AccessReason reason) implements AccessEvent {
}
