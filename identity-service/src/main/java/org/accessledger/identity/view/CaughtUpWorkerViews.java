package org.accessledger.identity.view;

import org.accessledger.api.worker.WorkerId;
import org.accessledger.platform.web.ViewBehindException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A worker's view once it has applied every event the event store holds for the worker, so that a read right after an
 * accepted HR event shows its effect. The view trails the event store by a moment, by much more under a backlog or
 * during a replay: a read waits up to {@link #WAIT} and then says the view is behind, rather than show a state the
 * worker has already left.
 */
@Component
public class CaughtUpWorkerViews {

    static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 20;

    private final QueryGateway queries;
    private final EventStore eventStore;

    CaughtUpWorkerViews(QueryGateway queries, EventStore eventStore) {
        this.queries = queries;
        this.eventStore = eventStore;
    }

    /** The view, or empty if the worker has no events at all: never hired. */
    public Optional<WorkerView> of(WorkerId workerId) {
        Optional<Long> lastEvent = eventStore.lastSequenceNumberFor(workerId.value());
        if (lastEvent.isEmpty()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<AppliedWorkerView> applied = queries.query(new FindWorkerQuery(workerId),
                    ResponseTypes.optionalInstanceOf(AppliedWorkerView.class)).join();
            if (applied.isPresent() && applied.get().appliedSequence() >= lastEvent.get()) {
                return Optional.of(applied.get().view());
            }
            if (System.nanoTime() > deadline) {
                throw new ViewBehindException("The worker view has not yet applied every accepted event of worker "
                        + workerId.value() + " (it trails the event store, more so under a backlog or a replay); ask again shortly", RETRY_AFTER);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the worker view", e);
        }
    }
}
