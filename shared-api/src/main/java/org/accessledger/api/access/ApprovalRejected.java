package org.accessledger.api.access;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An approver refused the entitlement; it is not requested again until the worker's assignment changes. */
@Revision("1")
public record ApprovalRejected(WorkerId workerId,
                 EntitlementId entitlement,
                 Instant effectiveAt,
                 AccessReason reason,
                 String approvalId) implements AccessEvent {
}
