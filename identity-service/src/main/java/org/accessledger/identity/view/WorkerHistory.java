package org.accessledger.identity.view;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.access.AccessPeriodCorrected;
import org.accessledger.api.access.AccessProfiles;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A worker's history read straight from the event store: the HR lifecycle and every access decision with its reason,
 * in the order they were recorded, and its state at any instant. Exact, whatever the read models hold.
 */
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
        Stream<HistoryEntry> lifecycle = eventStore.readEvents(query.workerId().value(), 0).asStream()
                .filter(message -> message.getPayload() instanceof WorkerEvent)
                .map(message -> {
                    WorkerEvent event = (WorkerEvent) message.getPayload();
                    return toEntry(HistoryEntry.Kind.LIFECYCLE, message, event.hrEventId(), event.effectiveAt());
                });
        Stream<HistoryEntry> access = eventStore.readEvents(AccessProfiles.idOf(query.workerId()), 0).asStream()
                .filter(message -> message.getPayload() instanceof AccessEvent || message.getPayload() instanceof AccessPeriodCorrected)
                .map(message -> {
                    if (message.getPayload() instanceof AccessPeriodCorrected period) {
                        return toEntry(HistoryEntry.Kind.ACCESS, message, period.correctedBy(), period.from());
                    }
                    AccessEvent event = (AccessEvent) message.getPayload();
                    return toEntry(HistoryEntry.Kind.ACCESS, message, event.reason().hrEventId(), event.effectiveAt());
                });
        return Stream.concat(lifecycle, access)
                .sorted(Comparator.comparing(HistoryEntry::recordedAt))
                .toList();
    }

    @QueryHandler
    public Optional<WorkerStateAsOf> handle(FindWorkerAsOfQuery query) {
        WorkerTimelineFold fold = new WorkerTimelineFold();
        eventStore.readEvents(query.workerId().value(), 0).asStream()
                .filter(message -> query.knownAt() == null || !message.getTimestamp().isAfter(query.knownAt()))
                .forEach(message -> fold.apply(message.getPayload()));
        return fold.at(query.workerId().value(), query.asOf());
    }

    private HistoryEntry toEntry(HistoryEntry.Kind kind, DomainEventMessage<?> message, HrEventId hrEventId, Instant effectiveAt) {
        Map<String, Object> details = objectMapper.convertValue(message.getPayload(), MAP);
        details.keySet().removeAll(List.of("workerId", "hrEventId", "effectiveAt"));
        return new HistoryEntry(kind, message.getIdentifier(), message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                hrEventId == null ? null : hrEventId.value(), effectiveAt, message.getTimestamp(), details);
    }
}
