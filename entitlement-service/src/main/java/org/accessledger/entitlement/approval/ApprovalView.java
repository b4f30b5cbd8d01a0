package org.accessledger.entitlement.approval;

import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.EntitlementId;

import java.time.Instant;

/** An access request that needs (or needed) a person's approval. */
public record ApprovalView(String approvalId,
                           String workerId,
                           EntitlementId entitlement,
                           Status status,
                           Instant requestedAt,
                           AccessReason requestReason,
                           Instant decidedAt,
                           AccessReason decisionReason) {

    public enum Status {
        PENDING, APPROVED, REJECTED, WITHDRAWN
    }
}
