package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.AccessStatus;

import java.time.Instant;

/** One entitlement in an access profile: granted, suspended, or waiting for approval. */
record HeldAccess(AccessStatus status, Instant since, AccessReason reason, String approvalId) {

    HeldAccess withStatus(AccessStatus newStatus, Instant at) {
        return new HeldAccess(newStatus, at, reason, approvalId);
    }

    boolean isHeld() {
        return status != AccessStatus.PENDING_APPROVAL;
    }
}
