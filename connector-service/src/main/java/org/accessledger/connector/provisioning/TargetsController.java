package org.accessledger.connector.provisioning;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.connector.safeguard.Safeguard;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.accessledger.platform.web.NotFoundException;
import org.accessledger.platform.web.Problems;
import org.accessledger.platform.axon.StreamPosition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** The provisioning targets: their state, pausing one without losing its queue, and releasing a tripped safeguard. */
@RestController
public class TargetsController {

    /**
     * A target as an operator sees it; {@code caughtUp} means every change decided so far has been carried out or
     * parked as a dead letter, {@code eventsBehind} how many stored events its processor has still to read (absent
     * while paused); {@code segments}, as stored, say how many workers' changes can go to it at once, which is
     * {@code concurrency} unless that was changed after the target's first start.
     */
    public record TargetView(String name, String type, List<String> entitlements, boolean running, boolean caughtUp, Long eventsBehind,
                             int concurrency, int segments, Safeguard.State safeguard) {
    }

    /** {@code reason}: why the held deprovisioning may go now, kept in the audit. */
    public record ReleaseRequest(String reason) {
    }

    /** {@code workers} whose held deprovisioning was looked at; {@code operationsSent}: what was still due for them. */
    public record Released(String target, int workers, int operationsSent) {
    }

    private final Targets targets;
    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ProvisioningSegments segments;
    private final Safeguard safeguard;
    private final HeldDeprovisioning held;

    public TargetsController(Targets targets, EventProcessingConfiguration processing, EventStore events, ProvisioningSegments segments,
                             Safeguard safeguard, HeldDeprovisioning held) {
        this.targets = targets;
        this.processing = processing;
        this.events = events;
        this.segments = segments;
        this.safeguard = safeguard;
        this.held = held;
    }

    @GetMapping("/api/v1/targets")
    public List<TargetView> targets() {
        return targets.all().stream().map(this::view).toList();
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

    /** Sends, for every held worker, the net change between the desired state and the target at this moment. */
    @PostMapping("/api/v1/targets/{target}/safeguard/release")
    public Released release(@PathVariable String target, @RequestBody(required = false) ReleaseRequest request, Principal user) {
        Target found = find(target);
        return held.release(found, user.getName(), request == null ? null : request.reason());
    }

    @ExceptionHandler(HeldDeprovisioning.NothingHeld.class)
    public ProblemDetail nothingHeld(HeldDeprovisioning.NothingHeld e) {
        return Problems.of(ErrorCode.SAFEGUARD_NOT_TRIPPED, e.getMessage());
    }

    private TargetView view(Target target) {
        StreamingEventProcessor processor = processorOf(target);
        boolean reading = processor.isRunning() && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().noneMatch(segment -> segment.isErrorState());
        StreamPosition stream = StreamPosition.of(processor, events);
        return new TargetView(target.name(), target.settings().type().name(), target.settings().entitlements(), processor.isRunning(),
                reading && stream.caughtUp(), reading ? stream.eventsBehind() : null, target.settings().concurrency(), segments.of(target),
                safeguard.state(target.name()));
    }

    private StreamingEventProcessor processorOf(Target target) {
        return processing.eventProcessor(target.processingGroup(), StreamingEventProcessor.class).orElseThrow();
    }

    private Target find(String name) {
        return targets.named(name).orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "No target " + name));
    }
}
