package org.accessledger.platform.axon;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds a read model from the whole event history: its processor is stopped, its tokens reset (its reset handler
 * empties the model) and started again. Only processors whose handlers all support replay qualify, so side effects
 * never run twice.
 */
@RestController
public class ReplayController {

    /** The answer to a replay request: which read model, and that it is rebuilding. */
    public record ReplayStarted(String projection, String status) {
    }

    /**
     * How far a read model's processor is: the lowest position its segments reached, the head of the event stream,
     * and whether it has read up to the head.
     */
    public record ProcessorProgress(String projection, long position, long head, boolean caughtUp) {
    }

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<?> events;

    public ReplayController(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    @GetMapping("/api/v1/admin/replay/{projection}")
    public ProcessorProgress progress(@PathVariable String projection) {
        StreamingEventProcessor processor = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException(ErrorCode.NO_SUCH_PROJECTION, "No read model " + projection));
        StreamPosition stream = StreamPosition.of(processor, events);
        return new ProcessorProgress(projection, stream.position(), stream.head(), stream.caughtUp());
    }

    @PostMapping("/api/v1/admin/replay/{projection}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReplayStarted replay(@PathVariable String projection) {
        StreamingEventProcessor processor = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::supportsReset)
                .orElseThrow(() -> new NotFoundException(ErrorCode.NO_SUCH_PROJECTION, "No replayable read model " + projection));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return new ReplayStarted(projection, "REPLAYING");
    }
}
