package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.AccessStatus;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every worker's access as it stands, which a policy roll-out compares with the new version; kept by whoever keeps
 * current access (the access read model), so this package need not know it.
 */
public interface CurrentAccessSource {

    void forEach(Consumer<WorkerAccess> action);

    /**
     * Returns once the source shows the decisions made from every event stored up to {@code position}; throws, for the
     * caller's processor to try again later, when that takes longer than a bounded wait.
     */
    void awaitDecisionsUpTo(long position);

    /** One worker's access: what is held with its reason, what segregation of duties withholds, and the facts behind it. */
    record WorkerAccess(WorkerId workerId, WorkerStatus status, WorkerType workerType, Assignment assignment, List<Held> held, List<Blocked> blocked) {

        public record Held(EntitlementId entitlement, AccessStatus status, Instant since, AccessReason reason, String approvalId) {
        }

        public record Blocked(EntitlementId entitlement, EntitlementId conflictsWith, String sodRuleId) {
        }
    }
}
