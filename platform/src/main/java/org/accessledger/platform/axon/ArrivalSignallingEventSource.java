package org.accessledger.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The embedded event store, with streams that call back when an event arrives. Axon's embedded store does not offer
 * that callback, so a caught-up pooled streaming processor looks for new events only every 500 ms: each read model
 * behind it lagged by up to half a second. Axon Server's streams call back by themselves and need none of this.
 *
 * <p>One watcher tails the store from its head; an event it has been handed is in the store's shared cache, so every
 * caught-up stream finds it when its callback runs.
 */
public class ArrivalSignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArrivalSignallingEventSource.class);

    private final EventStore events;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private Thread watcher;
    private volatile boolean closed;

    public ArrivalSignallingEventSource(EventStore events) {
        this.events = events;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new SignalledStream(events.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    /** How many open streams are called back when an event arrives: one per running pooled processor. */
    public int signalledStreams() {
        return callbacks.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    /** Opens the watcher's stream before returning, so every event stored after a callback is registered signals it. */
    private synchronized void watchOnce() {
        if (watcher == null && !closed) {
            BlockingStream<TrackedEventMessage<?>> tail = events.openStream(events.createHeadToken());
            watcher = new Thread(() -> watch(tail), "event-arrival-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private void watch(BlockingStream<TrackedEventMessage<?>> tail) {
        try (tail) {
            while (!closed) {
                if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    while (tail.hasNextAvailable()) {
                        tail.nextAvailable();
                    }
                    callbacks.forEach(Runnable::run);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The processors fall back on their own periodic look (Axon's token claim interval) until a restart.
            log.warn("Stopped watching for new events; pooled processors now notice them only periodically", e);
        }
    }

    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            if (callback != null) {
                callbacks.remove(callback);
            }
            callback = onAvailable;
            callbacks.add(onAvailable);
            watchOnce();
            return true;
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
