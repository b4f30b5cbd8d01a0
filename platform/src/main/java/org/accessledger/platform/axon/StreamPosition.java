package org.accessledger.platform.axon;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * How far a streaming processor has read the event stream: the lowest position of its segments, and the head.
 * Axon's own caught-up flag is set when a segment first reaches the head and never cleared, so it cannot show a
 * backlog that builds up later; this can.
 */
public record StreamPosition(long position, long head) {

    public static StreamPosition of(StreamingEventProcessor processor, StreamableMessageSource<?> events) {
        long position = processor.processingStatus().values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1)).min().orElse(-1);
        TrackingToken headToken = events.createHeadToken();
        return new StreamPosition(position, headToken == null ? -1 : headToken.position().orElse(-1));
    }

    public boolean caughtUp() {
        return position >= head;
    }

    public long eventsBehind() {
        return Math.max(0, head - position);
    }
}
