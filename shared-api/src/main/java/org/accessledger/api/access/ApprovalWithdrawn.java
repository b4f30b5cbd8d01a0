package org.accessledger.api.access;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A pending approval no longer applies: the worker moved away from the rule or left. */
@Revision("1")
public record ApprovalWithdrawn(WorkerId workerId,
                 EntitlementId entitlement,
                 Instant effectiveAt,
                 AccessReason reason,
                 String approvalId) implements AccessEvent {
}
