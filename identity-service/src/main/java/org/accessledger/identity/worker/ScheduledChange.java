package org.accessledger.identity.worker;

import org.accessledger.api.worker.AssignmentChange;
import org.accessledger.api.worker.ChangeScheduled;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.HrEventId;

import java.time.Instant;
import java.util.Comparator;

/** A change waiting for its instant; identified by the HR event that scheduled it and its type. */
record ScheduledChange(HrEventId hrEventId, ChangeType type, Instant dueAt, AssignmentChange assignmentChange, String reason) {

    /** Earliest first; at the same instant, in the order of {@link ChangeType} (a start before a contract end). */
    static final Comparator<ScheduledChange> IN_ORDER_OF_EFFECT =
            Comparator.comparing(ScheduledChange::dueAt).thenComparing(ScheduledChange::type);

    static ScheduledChange of(ChangeType type, HrEventId hrEventId, Instant dueAt) {
        return new ScheduledChange(hrEventId, type, dueAt, null, null);
    }

    static ScheduledChange from(ChangeScheduled event) {
        return new ScheduledChange(event.hrEventId(), event.type(), event.effectiveAt(), event.assignmentChange(), event.reason());
    }

    boolean isDueBy(Instant now) {
        return !dueAt.isAfter(now);
    }

    boolean sameAs(HrEventId otherHrEventId, ChangeType otherType) {
        return hrEventId.equals(otherHrEventId) && type == otherType;
    }
}
