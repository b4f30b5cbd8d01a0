package org.accessledger.entitlement.access;

import org.accessledger.api.access.*;
import org.accessledger.entitlement.profile.WorkerFactsChanged;

/**
 * How each access profile event changes an {@link AccessView}: one definition shared by the live read model and the
 * point-in-time query, so both always agree.
 */
final class AccessViewFold {

    private AccessViewFold() {
    }

    /** {@code eventId}: the stored event's id, which the items it decides name. */
    static AccessView apply(AccessView view, Object event, String eventId) {
        if (event instanceof WorkerFactsChanged facts) {
            return view.withFacts(facts.status(), facts.workerType(), facts.assignment());
        }
        if (event instanceof AccessGranted granted) {
            return view.withItem(new AccessView.Item(granted.entitlement(), AccessStatus.GRANTED, granted.effectiveAt(), granted.reason(), null, eventId));
        }
        if (event instanceof ApprovalRequested requested) {
            return view.withItem(new AccessView.Item(requested.entitlement(), AccessStatus.PENDING_APPROVAL, requested.effectiveAt(),
                    requested.reason(), requested.approvalId(), eventId));
        }
        if (event instanceof AccessSuspended suspended) {
            return view.withStatus(suspended.entitlement(), AccessStatus.SUSPENDED, suspended.effectiveAt(), suspended.reason(), eventId);
        }
        if (event instanceof AccessRestored restored) {
            return view.withStatus(restored.entitlement(), AccessStatus.GRANTED, restored.effectiveAt(), restored.reason(), eventId);
        }
        if (event instanceof AccessRevoked || event instanceof ApprovalRejected || event instanceof ApprovalWithdrawn) {
            return view.withoutItem(((AccessEvent) event).entitlement());
        }
        if (event instanceof SodConflictDetected conflict) {
            return view.withConflict(new AccessView.Conflict(conflict.entitlement(), conflict.conflictsWith(), conflict.effectiveAt(), conflict.reason()));
        }
        if (event instanceof SodConflictResolved resolved) {
            return view.withoutConflict(resolved.entitlement());
        }
        return view;
    }
}
