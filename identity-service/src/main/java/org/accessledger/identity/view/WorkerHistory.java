package org.accessledger.identity.view;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.api.worker.WorkerEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A worker's history read straight from the event store: exact, and complete whatever the read models hold. */
@Component
public class WorkerHistory {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final EventStore eventStore;
    private final ObjectMapper objectMapper;

    public WorkerHistory(EventStore eventStore, ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.objectMapper = objectMapper;
    }

    @QueryHandler
    public List<HistoryEntry> handle(FindWorkerHistoryQuery query) {
        List<HistoryEntry> entries = new ArrayList<>();
        eventStore.readEvents(query.workerId().value(), 0).asStream()
                .filter(message -> message.getPayload() instanceof WorkerEvent)
                .forEach(message -> entries.add(toEntry(message)));
        return entries;
    }

    private HistoryEntry toEntry(DomainEventMessage<?> message) {
        WorkerEvent event = (WorkerEvent) message.getPayload();
        Map<String, Object> details = objectMapper.convertValue(event, MAP);
        details.keySet().removeAll(List.of("workerId", "hrEventId", "effectiveAt"));
        return new HistoryEntry(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                event.hrEventId().value(), event.effectiveAt(), message.getTimestamp(), details);
    }
}
