package org.accessledger.platform.axon;

import org.accessledger.api.WorkerScoped;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Keeps every event about one worker in order, whichever aggregate published it (Worker, AccessProfile, …); other
 * events are ordered per aggregate.
 */
public final class PerWorkerSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof WorkerScoped scoped) {
            return scoped.workerId().value();
        }
        return perAggregate.getSequenceIdentifierFor(event);
    }
}
