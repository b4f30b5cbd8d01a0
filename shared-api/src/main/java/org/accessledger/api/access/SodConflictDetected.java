package org.accessledger.api.access;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The entitlement was not granted: with {@code conflictsWith} it would break segregation-of-duties rule {@code reason.ruleId}. */
@Revision("1")
public record SodConflictDetected(WorkerId workerId,
                 EntitlementId entitlement,
                 Instant effectiveAt,
                 AccessReason reason,
                 EntitlementId conflictsWith) implements AccessEvent {
}
