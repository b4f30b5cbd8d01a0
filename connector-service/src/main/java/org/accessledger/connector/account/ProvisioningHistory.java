package org.accessledger.connector.account;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.api.provisioning.FindProvisioningHistoryQuery;
import org.accessledger.api.provisioning.ProvisioningHistoryEntry;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A worker's accounts' histories, read straight from the event store, one TargetAccount per configured target. */
@Component
public class ProvisioningHistory {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final EventStore events;
    private final Targets targets;
    private final ObjectMapper json;

    public ProvisioningHistory(EventStore events, Targets targets, ObjectMapper json) {
        this.events = events;
        this.targets = targets;
        this.json = json;
    }

    @QueryHandler
    public List<ProvisioningHistoryEntry> handle(FindProvisioningHistoryQuery query) {
        List<ProvisioningHistoryEntry> entries = new ArrayList<>();
        for (Target target : targets.all()) {
            events.readEvents(TargetAccounts.idOf(target.name(), query.workerId().value())).asStream().forEach(message -> {
                Map<String, Object> details = json.convertValue(message.getPayload(), MAP);
                details.keySet().removeAll(List.of("workerId", "target"));
                details.values().removeIf(Objects::isNull);
                entries.add(new ProvisioningHistoryEntry(target.name(), message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                        message.getTimestamp(), details));
            });
        }
        return entries;
    }
}
