package org.accessledger.entitlement.access;

import org.accessledger.api.access.AccessProfiles;
import org.accessledger.entitlement.profile.AccessHistory;
import org.accessledger.entitlement.profile.AccessSnapshot;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Point-in-time access as known now, computed exactly from the worker's access profile events ({@link AccessHistory}):
 * where a retroactive HR change re-decided the window holding {@code asOf}, the corrected access, with the periods it
 * corrected; elsewhere the decisions effective by then, folded as the live read model folds them.
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
        eventStore.readEvents(AccessProfiles.idOf(query.workerId()), 0).asStream().map(EventMessage::getPayload).forEach(history::record);
        Optional<AccessSnapshot> corrected = history.correctedAt(query.asOf());
        if (corrected.isPresent()) {
            return Optional.of(AccessView.of(workerId, corrected.get()).at(query.asOf()).withCorrections(history.correctedPeriodsAt(query.asOf())));
        }
        var decisions = history.decisionsEffectiveBy(query.asOf());
        if (decisions.isEmpty()) {
            return Optional.empty();
        }
        AccessView view = AccessView.empty(workerId);
        for (Object decision : decisions) {
            view = AccessViewFold.apply(view, decision);
        }
        return Optional.of(view.at(query.asOf()));
    }
}
