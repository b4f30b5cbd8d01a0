package org.accessledger.entitlement.access;

import org.accessledger.api.access.AccessProfiles;
import org.accessledger.entitlement.profile.AccessHistory;
import org.accessledger.entitlement.profile.AccessSnapshot;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Point-in-time access, bitemporal: effective at {@code asOf} as known at {@code knownAt}, computed exactly from the
 * worker's access profile events stored by then ({@link AccessHistory}). Where a retroactive HR change known by then
 * re-decided the window holding {@code asOf}, the corrected access, with the periods it corrected; elsewhere the
 * decisions effective by then, folded as the live read model folds them.
 */
@Component
public class AccessAsOf {

    private final EventStore eventStore;

    public AccessAsOf(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public Optional<AccessView> handle(FindAccessAsOfQuery query) {
        String workerId = query.workerId().value();
        AccessHistory history = new AccessHistory();
        Map<Object, String> eventIds = new IdentityHashMap<>();
        eventStore.readEvents(AccessProfiles.idOf(query.workerId()), 0).asStream()
                .filter(message -> query.knownAt() == null || !message.getTimestamp().isAfter(query.knownAt()))
                .forEach(message -> {
                    eventIds.put(message.getPayload(), message.getIdentifier());
                    history.record(message.getPayload());
                });
        Optional<AccessSnapshot> corrected = history.correctedAt(query.asOf());
        if (corrected.isPresent()) {
            String correctionEventId = history.correctionHolding(query.asOf()).map(eventIds::get).orElse(null);
            return Optional.of(AccessView.of(workerId, corrected.get(), correctionEventId)
                    .at(query.asOf()).withCorrections(history.correctedPeriodsAt(query.asOf())));
        }
        var decisions = history.decisionsEffectiveBy(query.asOf());
        if (decisions.isEmpty()) {
            return Optional.empty();
        }
        AccessView view = AccessView.empty(workerId);
        for (Object decision : decisions) {
            view = AccessViewFold.apply(view, decision, eventIds.get(decision));
        }
        return Optional.of(view.at(query.asOf()));
    }
}
