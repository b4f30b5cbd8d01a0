package org.accessledger.connector.provisioning;

import org.accessledger.connector.spi.ConnectorException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which parked sequences the schedule sends through again, on Axon's own dead-letter queue. */
class TransientFailureRedeliveryTest {

    final SequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
    final List<Object> handled = new ArrayList<>();

    @Test
    void aSequenceParkedByATransientFailureGoesThrough() {
        park("W1", "grant", ConnectorException.transientFailure("LDAP 91 (connect error)", null));
        queueBehind("W1", "revoke");

        assertThat(redeliverOnce()).isTrue();
        assertThat(handled).containsExactly("grant", "revoke");
    }

    @Test
    void aSequenceParkedByAPermanentFailureWaitsForAnOperator() {
        park("W1", "grant", ConnectorException.permanentFailure("LDAP 32 (no such object)", null));

        assertThat(redeliverOnce()).isFalse();
        assertThat(handled).isEmpty();
        assertThat(queue.contains("W1")).isTrue();
    }

    @Test
    void anEventQueuedWhileTheLettersAheadOfItWereBeingRedeliveredGoesThrough() {
        park("W1", "grant", ConnectorException.transientFailure("LDAP 91 (connect error)", null));
        queueBehind("W1", "revoke");
        // The redelivery evicts the last letter it handled after the processor has queued the next event behind it.
        DeadLetter<? extends EventMessage<?>> first = queue.deadLetterSequence("W1").iterator().next();
        queue.evict(first);

        assertThat(redeliverOnce()).isTrue();
        assertThat(handled).containsExactly("revoke");
        assertThat(queue.contains("W1")).isFalse();
    }

    private void park(String worker, String event, ConnectorException failure) {
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>(worker, GenericEventMessage.asEventMessage(event), failure);
        queue.enqueue(worker, TransientFailureRedelivery.enqueue(letter, failure).withDiagnostics(letter));
    }

    /** As Axon's dead-lettering invoker queues an event of a worker whose sequence is parked: no cause of its own. */
    private void queueBehind(String worker, String event) {
        assertThat(queue.enqueueIfPresent(worker, () -> new GenericDeadLetter<>(worker, GenericEventMessage.asEventMessage(event)))).isTrue();
    }

    private boolean redeliverOnce() {
        return queue.process(TransientFailureRedelivery::retriedAutomatically, letter -> {
            handled.add(letter.message().getPayload());
            return Decisions.evict();
        });
    }
}
