package org.accessledger.identity.worker;

import org.accessledger.api.worker.AssignmentChange;
import org.accessledger.api.worker.ChangeScheduled;
import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.TimelineChange;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An accepted change of the employment, in effect or waiting for its instant; identified by the HR event that made it and its type. */
record ScheduledChange(HrEventId hrEventId, ChangeType type, Instant dueAt, AssignmentChange assignmentChange, String reason) {

    private static final List<ChangeType> FIRST_AT_THE_SAME_INSTANT = List.of(ChangeType.START, ChangeType.TERMINATION, ChangeType.CONTRACT_END);

    /**
     * Earliest first. At the same instant the start comes first and the end next, so nothing takes effect at the
     * instant an employment ends; other changes at one instant keep the order they were accepted in.
     */
    static final Comparator<ScheduledChange> IN_ORDER_OF_EFFECT = Comparator.comparing(ScheduledChange::dueAt)
            .thenComparingInt(change -> FIRST_AT_THE_SAME_INSTANT.contains(change.type()) ? FIRST_AT_THE_SAME_INSTANT.indexOf(change.type()) : FIRST_AT_THE_SAME_INSTANT.size());


    static ScheduledChange of(ChangeType type, HrEventId hrEventId, Instant dueAt) {
        return new ScheduledChange(hrEventId, type, dueAt, null, null);
    }

    static ScheduledChange from(ChangeScheduled event) {
        return new ScheduledChange(event.hrEventId(), event.type(), event.effectiveAt(), event.assignmentChange(), event.reason());
    }

    static ScheduledChange from(TimelineChange change) {
        return new ScheduledChange(change.hrEventId(), change.type(), change.effectiveAt(), change.assignmentChange(), change.reason());
    }

    TimelineChange published() {
        return new TimelineChange(hrEventId, type, dueAt, assignmentChange, reason);
    }

    boolean isDueBy(Instant now) {
        return !dueAt.isAfter(now);
    }

    boolean sameAs(HrEventId otherHrEventId, ChangeType otherType) {
        return hrEventId.equals(otherHrEventId) && type == otherType;
    }

    boolean sameAs(ScheduledChange other) {
        return sameAs(other.hrEventId, other.type);
    }

    ScheduledChange at(Instant newDueAt) {
        return new ScheduledChange(hrEventId, type, newDueAt, assignmentChange, reason);
    }
}
