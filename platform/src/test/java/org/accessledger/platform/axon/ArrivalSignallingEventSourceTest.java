package org.accessledger.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ArrivalSignallingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final ArrivalSignallingEventSource source = new ArrivalSignallingEventSource(store);

    @AfterEach
    void shutDown() {
        source.close();
        store.shutDown();
    }

    @Test
    void aCaughtUpStreamIsCalledBackWhenAnEventArrivesAndThenHasIt() throws InterruptedException {
        store.publish(GenericEventMessage.asEventMessage("before"));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(store.createHeadToken());
        BlockingQueue<Boolean> availableWhenCalled = new ArrayBlockingQueue<>(10);

        assertThat(stream.setOnAvailableCallback(() -> availableWhenCalled.add(stream.hasNextAvailable()))).isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();
        store.publish(GenericEventMessage.asEventMessage("after"));

        assertThat(availableWhenCalled.poll(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("after");
    }

    @Test
    void aClosedStreamIsNoLongerCalledBack() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> open = source.openStream(null);
        BlockingQueue<String> calls = new ArrayBlockingQueue<>(10);
        closed.setOnAvailableCallback(() -> calls.add("closed"));
        open.setOnAvailableCallback(() -> calls.add("open"));

        closed.close();
        store.publish(GenericEventMessage.asEventMessage("event"));

        assertThat(calls.poll(5, TimeUnit.SECONDS)).isEqualTo("open");
        assertThat(calls).isEmpty();
    }
}
