package org.accessledger.entitlement.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.accessledger.api.access.AccessPeriodCorrected;
import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.AccessStatus;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;
import org.accessledger.entitlement.profile.AccessSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A worker's access at one instant: each entitlement with its status, since when and why; the entitlements withheld by
 * segregation of duties; the facts the decisions rested on; and, as of an instant a retroactive HR change re-decided,
 * the entitlements it found held without justification or missing then.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessView(String workerId,
                         Instant asOf,
                         WorkerStatus workerStatus,
                         WorkerType workerType,
                         Assignment assignment,
                         List<Item> items,
                         List<Conflict> conflicts,
                         List<AccessPeriodCorrected> corrections) {

    public AccessView {
        corrections = corrections == null ? List.of() : corrections;
    }

    /**
     * One entitlement; {@code decisionEventId} is the stored event that last decided it (or, on a corrected timeline, the
     * correction's), whose inclusion in the audit log can be proven.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(EntitlementId entitlement, AccessStatus status, Instant since, AccessReason reason, String approvalId, String decisionEventId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conflict(EntitlementId entitlement, EntitlementId conflictsWith, Instant since, AccessReason reason) {
    }

    static AccessView empty(String workerId) {
        return new AccessView(workerId, null, null, null, null, List.of(), List.of(), List.of());
    }

    /** The access a corrected timeline justifies over one period, as the correction event {@code correctionEventId} recorded it. */
    static AccessView of(String workerId, AccessSnapshot period, String correctionEventId) {
        return new AccessView(workerId, null, period.status(), period.workerType(), period.assignment(),
                period.items().stream().map(item -> new Item(item.entitlement(), item.status(), item.since(), item.reason(), item.approvalId(), correctionEventId)).toList(),
                period.blocked().stream().map(block -> new Conflict(block.entitlement(), block.conflictsWith(), block.since(), block.reason())).toList(),
                List.of());
    }

    /** With the periods a retroactive change found held without justification, or missing, at this instant. */
    AccessView withCorrections(List<AccessPeriodCorrected> found) {
        return new AccessView(workerId, asOf, workerStatus, workerType, assignment, items, conflicts, List.copyOf(found));
    }

    AccessView withFacts(WorkerStatus status, WorkerType type, Assignment newAssignment) {
        return new AccessView(workerId, asOf, status != null ? status : workerStatus, type != null ? type : workerType,
                newAssignment != null ? newAssignment : assignment, items, conflicts, corrections);
    }

    AccessView withItem(Item item) {
        return withItems(list -> {
            list.removeIf(existing -> existing.entitlement().equals(item.entitlement()));
            list.add(item);
            list.sort(Comparator.comparing(i -> i.entitlement().value()));
            return list;
        });
    }

    AccessView withoutItem(EntitlementId entitlement) {
        return withItems(list -> {
            list.removeIf(existing -> existing.entitlement().equals(entitlement));
            return list;
        });
    }

    AccessView withStatus(EntitlementId entitlement, AccessStatus status, Instant since, AccessReason reason, String decisionEventId) {
        return withItems(list -> {
            list.replaceAll(item -> item.entitlement().equals(entitlement) ? new Item(entitlement, status, since, reason, item.approvalId(), decisionEventId) : item);
            return list;
        });
    }

    AccessView withConflict(Conflict conflict) {
        List<Conflict> updated = new ArrayList<>(conflicts);
        updated.removeIf(existing -> existing.entitlement().equals(conflict.entitlement()));
        updated.add(conflict);
        return new AccessView(workerId, asOf, workerStatus, workerType, assignment, items, List.copyOf(updated), corrections);
    }

    AccessView withoutConflict(EntitlementId entitlement) {
        return new AccessView(workerId, asOf, workerStatus, workerType, assignment, items,
                conflicts.stream().filter(conflict -> !conflict.entitlement().equals(entitlement)).toList(), corrections);
    }

    public AccessView at(Instant instant) {
        return new AccessView(workerId, instant, workerStatus, workerType, assignment, items, conflicts, corrections);
    }

    private AccessView withItems(UnaryOperator<List<Item>> change) {
        return new AccessView(workerId, asOf, workerStatus, workerType, assignment, List.copyOf(change.apply(new ArrayList<>(items))), conflicts, corrections);
    }
}
