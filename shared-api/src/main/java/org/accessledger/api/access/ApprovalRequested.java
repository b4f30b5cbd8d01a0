package org.accessledger.api.access;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The policy justifies the entitlement, but a person must approve it first. */
@Revision("1")
public record ApprovalRequested(WorkerId workerId,
                 EntitlementId entitlement,
                 Instant effectiveAt,
                 AccessReason reason,
                 String approvalId) implements AccessEvent {
}
