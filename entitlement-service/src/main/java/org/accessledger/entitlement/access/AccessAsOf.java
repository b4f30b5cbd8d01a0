package org.accessledger.entitlement.access;

import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.access.AccessProfiles;
import org.accessledger.entitlement.profile.WorkerFactsChanged;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Point-in-time access, computed exactly from the worker's access events: every event whose effective instant is not
 * after {@code asOf}, in effective order, folded as the live read model folds them. What is known now about that
 * instant counts, including corrections recorded later.
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
        var events = eventStore.readEvents(AccessProfiles.idOf(query.workerId()), 0).asStream()
                .filter(message -> effectiveAt(message) != null && !effectiveAt(message).isAfter(query.asOf()))
                .sorted(Comparator.comparing(AccessAsOf::effectiveAt).thenComparingLong(DomainEventMessage::getSequenceNumber))
                .toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        AccessView view = AccessView.empty(workerId);
        for (DomainEventMessage<?> event : events) {
            view = AccessViewFold.apply(view, event.getPayload());
        }
        return Optional.of(view.at(query.asOf()));
    }

    private static Instant effectiveAt(DomainEventMessage<?> message) {
        if (message.getPayload() instanceof AccessEvent event) {
            return event.effectiveAt();
        }
        return message.getPayload() instanceof WorkerFactsChanged facts ? facts.effectiveAt() : null;
    }
}
