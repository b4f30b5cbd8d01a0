package org.accessledger.api.access;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A blocked entitlement is no longer blocked: it was granted, or is no longer justified. */
@Revision("1")
public record SodConflictResolved(WorkerId workerId,
                 EntitlementId entitlement,
                 Instant effectiveAt,
                 AccessReason reason,
                 EntitlementId conflictsWith) implements AccessEvent {
}
