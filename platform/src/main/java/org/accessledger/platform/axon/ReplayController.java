package org.accessledger.platform.axon;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
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

    private final EventProcessingConfiguration processing;

    public ReplayController(EventProcessingConfiguration processing) {
        this.processing = processing;
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
