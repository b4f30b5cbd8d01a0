package org.accessledger.platform.axon;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * How far a streaming processor has read the event stream: the lowest position of its segments, and the head.
 * Axon's own caught-up flag is set when a segment first reaches the head and never cleared, so it cannot show a
 * backlog that builds up later; this can.
 */
public record StreamPosition(long position, long head) {

    public static StreamPosition of(StreamingEventProcessor processor, StreamableMessageSource<?> events) {
        long position = processor.processingStatus().values().stream()
                .mapToLong(segment -> handledUpTo(segment.getTrackingToken())).min().orElse(-1);
        TrackingToken headToken = events.createHeadToken();
        return new StreamPosition(position, headToken == null ? -1 : headToken.position().orElse(-1));
    }

    /**
     * The position up to which every event has been handled. A JDBC token's own position is the highest event it has
     * seen; events of transactions that committed late (its gaps) may lie below it, not yet handled.
     */
    private static long handledUpTo(TrackingToken token) {
        TrackingToken lowest = WrappedToken.unwrapLowerBound(token);
        if (lowest instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first() - 1;
        }
        return lowest == null ? -1 : lowest.position().orElse(-1);
    }

    public boolean caughtUp() {
        return position >= head;
    }

    public long eventsBehind() {
        return Math.max(0, head - position);
    }
}
