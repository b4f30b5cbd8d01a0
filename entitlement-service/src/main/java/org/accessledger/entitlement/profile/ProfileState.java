package org.accessledger.entitlement.profile;

import org.accessledger.api.access.*;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;
import org.accessledger.entitlement.policy.WorkerFacts;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an access profile holds at one instant, and how each of its events changes that: one definition for the
 * aggregate and for re-deciding its past on a corrected timeline.
 */
final class ProfileState {

    private WorkerStatus status;
    private WorkerType workerType;
    private Assignment assignment;
    private final Map<EntitlementId, HeldAccess> held = new LinkedHashMap<>();
    private final Map<EntitlementId, SodBlock> blocked = new LinkedHashMap<>();
    private final Set<EntitlementId> rejected = new HashSet<>();

    static ProfileState of(AccessSnapshot snapshot) {
        ProfileState state = new ProfileState();
        state.status = snapshot.status();
        state.workerType = snapshot.workerType();
        state.assignment = snapshot.assignment();
        snapshot.items().forEach(item -> state.held.put(item.entitlement(), new HeldAccess(item.status(), item.since(), item.reason(), item.approvalId())));
        snapshot.blocked().forEach(block -> state.blocked.put(block.entitlement(), new SodBlock(block.conflictsWith(), block.sodRuleId(), block.since(), block.reason())));
        state.rejected.addAll(snapshot.rejected());
        return state;
    }

    ProfileState copy() {
        ProfileState copy = new ProfileState();
        copy.status = status;
        copy.workerType = workerType;
        copy.assignment = assignment;
        copy.held.putAll(held);
        copy.blocked.putAll(blocked);
        copy.rejected.addAll(rejected);
        return copy;
    }

    void apply(Object event) {
        if (event instanceof WorkerFactsChanged facts) {
            withFacts(facts.status(), facts.workerType(), facts.assignment(), facts.newEmployment());
        } else if (event instanceof AccessGranted granted) {
            held.put(granted.entitlement(), new HeldAccess(AccessStatus.GRANTED, granted.effectiveAt(), granted.reason(), null));
        } else if (event instanceof AccessRevoked || event instanceof ApprovalWithdrawn) {
            held.remove(((AccessEvent) event).entitlement());
        } else if (event instanceof AccessSuspended suspended) {
            held.computeIfPresent(suspended.entitlement(), (entitlement, access) -> access.withStatus(AccessStatus.SUSPENDED, suspended.effectiveAt()));
        } else if (event instanceof AccessRestored restored) {
            held.computeIfPresent(restored.entitlement(), (entitlement, access) -> access.withStatus(AccessStatus.GRANTED, restored.effectiveAt()));
        } else if (event instanceof ApprovalRequested requested) {
            held.put(requested.entitlement(), new HeldAccess(AccessStatus.PENDING_APPROVAL, requested.effectiveAt(), requested.reason(), requested.approvalId()));
        } else if (event instanceof ApprovalRejected rejection) {
            held.remove(rejection.entitlement());
            rejected.add(rejection.entitlement());
        } else if (event instanceof SodConflictDetected conflict) {
            blocked.put(conflict.entitlement(), new SodBlock(conflict.conflictsWith(), conflict.reason().ruleId(), conflict.effectiveAt(), conflict.reason()));
        } else if (event instanceof SodConflictResolved resolved) {
            blocked.remove(resolved.entitlement());
        }
    }

    /** {@code null} facts are unchanged; a new assignment or employment lets rejected requests be asked again. */
    void withFacts(WorkerStatus newStatus, WorkerType newType, Assignment newAssignment, boolean newEmployment) {
        status = newStatus != null ? newStatus : status;
        workerType = newType != null ? newType : workerType;
        if (newEmployment || (newAssignment != null && !newAssignment.equals(assignment))) {
            rejected.clear();
        }
        assignment = newAssignment != null ? newAssignment : assignment;
    }

    boolean sameFacts(WorkerStatus otherStatus, WorkerType otherType, Assignment otherAssignment) {
        return Objects.equals(status, otherStatus) && Objects.equals(workerType, otherType) && Objects.equals(assignment, otherAssignment);
    }

    WorkerStatus status() {
        return status;
    }

    WorkerType workerType() {
        return workerType;
    }

    Assignment assignment() {
        return assignment;
    }

    Map<EntitlementId, HeldAccess> held() {
        return held;
    }

    /** Whether the worker holds the entitlement in full (granted, not suspended or waiting for approval). */
    boolean grants(EntitlementId entitlement) {
        HeldAccess access = held.get(entitlement);
        return access != null && access.status() == AccessStatus.GRANTED;
    }

    AccessDecider.Profile toDeciderProfile() {
        return new AccessDecider.Profile(status, new WorkerFacts(workerType, assignment), new LinkedHashMap<>(held), new LinkedHashMap<>(blocked), Set.copyOf(rejected));
    }

    AccessSnapshot snapshot(Instant from, Instant until) {
        return new AccessSnapshot(from, until, status, workerType, assignment,
                held.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(EntitlementId::value)))
                        .map(entry -> new AccessSnapshot.Item(entry.getKey(), entry.getValue().status(), entry.getValue().since(),
                                entry.getValue().reason(), entry.getValue().approvalId())).toList(),
                blocked.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(EntitlementId::value)))
                        .map(entry -> new AccessSnapshot.Blocked(entry.getKey(), entry.getValue().conflictsWith(), entry.getValue().sodRuleId(),
                                entry.getValue().since(), entry.getValue().reason())).toList(),
                rejected.stream().sorted(Comparator.comparing(EntitlementId::value)).toList());
    }
}
