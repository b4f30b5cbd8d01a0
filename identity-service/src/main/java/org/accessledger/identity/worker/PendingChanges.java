package org.accessledger.identity.worker;

import org.accessledger.api.worker.ChangeType;
import org.accessledger.api.worker.HrEventId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The worker's future-dated changes, in the order they will take effect. */
final class PendingChanges {

    private final List<ScheduledChange> changes = new ArrayList<>();

    void add(ScheduledChange change) {
        changes.add(change);
        changes.sort(ScheduledChange.IN_ORDER_OF_EFFECT);
    }

    void remove(HrEventId hrEventId, ChangeType type) {
        changes.removeIf(change -> change.sameAs(hrEventId, type));
    }

    /** The earliest change due by {@code now}, if any. */
    Optional<ScheduledChange> firstDueBy(Instant now) {
        return changes.isEmpty() || !changes.get(0).isDueBy(now) ? Optional.empty() : Optional.of(changes.get(0));
    }

    List<ScheduledChange> ofType(ChangeType type) {
        return changes.stream().filter(change -> change.type() == type).toList();
    }

    List<ScheduledChange> scheduledBy(HrEventId hrEventId) {
        return changes.stream().filter(change -> change.hrEventId().equals(hrEventId)).toList();
    }

    List<ScheduledChange> all() {
        return List.copyOf(changes);
    }
}
