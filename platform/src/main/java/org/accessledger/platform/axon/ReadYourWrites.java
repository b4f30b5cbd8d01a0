package org.accessledger.platform.axon;

import org.accessledger.platform.web.ViewBehindException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lets a read see a write: the position in the event stream an accepted write was stored at (at most), and a wait,
 * bounded, until the processors behind a view have read that far. A view fed through several processors (HR event →
 * access decision → access view) names them in order: once one has read the position, everything it decided from
 * the events up to there is stored, and the next must read up to the head as it was then.
 *
 * <p>Only the segments this instance processes are known; with several instances a view read here is waited for as
 * far as this instance's segments go.
 */
public class ReadYourWrites {

    /** How long a read waits for a view unless told otherwise. */
    public static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> events;

    public ReadYourWrites(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> events) {
        this.processing = processing;
        this.events = events;
    }

    /** The head of the event stream: every event stored so far is at or before it. */
    public long head() {
        TrackingToken head = events.getObject().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Waits until each processing group of {@code chain}, in turn, has read {@code position} (the next, the head as it
     * was when the one before had), at most {@code wait} in all; answers {@code 503 VIEW_BEHIND} past it.
     */
    public void awaitRead(List<String> chain, long position, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long needed = position;
        for (String group : chain) {
            while (readUpTo(group) < needed) {
                if (System.nanoTime() > deadline) {
                    throw new ViewBehindException("The view has not yet read position " + position + " of the event stream (" + group
                            + " is behind, as under a backlog or a replay); ask again shortly", RETRY_AFTER);
                }
                pause();
            }
            needed = head();
        }
    }

    private long readUpTo(String group) {
        StreamingEventProcessor processor = processing.getObject().eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor " + group));
        if (!processor.isRunning()) {
            // While it stops, the segments it has let go of leave its status one by one: what is left says nothing.
            return -1;
        }
        return StreamPosition.of(processor, events.getObject()).position();
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a view", e);
        }
    }
}
