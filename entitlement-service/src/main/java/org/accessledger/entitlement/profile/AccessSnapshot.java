package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.AccessStatus;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;

import java.time.Instant;
import java.util.List;

/**
 * A worker's access over [{@code from}, {@code until}) as a corrected timeline justifies it: the facts, what was held
 * and withheld, and the approvals rejected.
 */
public record AccessSnapshot(Instant from,
                             Instant until,
                             WorkerStatus status,
                             WorkerType workerType,
                             Assignment assignment,
                             List<Item> items,
                             List<Blocked> blocked,
                             List<EntitlementId> rejected) {

    public record Item(EntitlementId entitlement, AccessStatus status, Instant since, AccessReason reason, String approvalId) {
    }

    public record Blocked(EntitlementId entitlement, EntitlementId conflictsWith, String sodRuleId, Instant since, AccessReason reason) {
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(until);
    }
}
