package org.accessledger.connector.account;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.connector.provisioning.ProvisioningSegments;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.accessledger.platform.web.NotFoundException;
import org.accessledger.platform.axon.StreamPosition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The provisioning targets: their state, a worker's account in one, and pausing one without losing its queue. */
@RestController
public class TargetsController {

    /**
     * A target as an operator sees it; {@code caughtUp} means every change decided so far has been carried out or
     * parked as a dead letter, {@code eventsBehind} how many stored events its processor has still to read (absent
     * while paused); {@code segments}, as stored, say how many workers' changes can go to it at once, which is
     * {@code concurrency} unless that was changed after the target's first start.
     */
    public record TargetView(String name, String type, List<String> entitlements, boolean running, boolean caughtUp, Long eventsBehind,
                             int concurrency, int segments) {
    }

    private final Targets targets;
    private final EventProcessingConfiguration processing;
    private final QueryGateway queries;
    private final EventStore events;
    private final ProvisioningSegments segments;

    public TargetsController(Targets targets, EventProcessingConfiguration processing, QueryGateway queries, EventStore events,
                             ProvisioningSegments segments) {
        this.targets = targets;
        this.processing = processing;
        this.queries = queries;
        this.events = events;
        this.segments = segments;
    }

    @GetMapping("/api/v1/targets")
    public List<TargetView> targets() {
        return targets.all().stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/targets/{target}/accounts/{workerId}")
    public TargetAccountView account(@PathVariable String target, @PathVariable String workerId) {
        find(target);
        return queries.query(new FindTargetAccountQuery(target, workerId), ResponseTypes.optionalInstanceOf(TargetAccountView.class))
                .join()
                .orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "Target " + target + " has no account for worker " + workerId));
    }

    /** Stops provisioning into the target; its position in the event stream keeps every change for later. */
    @PostMapping("/api/v1/targets/{target}/pause")
    public TargetView pause(@PathVariable String target) {
        Target found = find(target);
        processorOf(found).shutDown();
        return view(found);
    }

    @PostMapping("/api/v1/targets/{target}/resume")
    public TargetView resume(@PathVariable String target) {
        Target found = find(target);
        processorOf(found).start();
        return view(found);
    }

    private TargetView view(Target target) {
        StreamingEventProcessor processor = processorOf(target);
        boolean reading = processor.isRunning() && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().noneMatch(segment -> segment.isErrorState());
        StreamPosition stream = StreamPosition.of(processor, events);
        return new TargetView(target.name(), target.settings().type().name(), target.settings().entitlements(), processor.isRunning(),
                reading && stream.caughtUp(), reading ? stream.eventsBehind() : null, target.settings().concurrency(), segments.of(target));
    }

    private StreamingEventProcessor processorOf(Target target) {
        return processing.eventProcessor(target.processingGroup(), StreamingEventProcessor.class).orElseThrow();
    }

    private Target find(String name) {
        return targets.named(name).orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "No target " + name));
    }
}
