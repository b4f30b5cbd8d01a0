package org.accessledger.identity.view;

import org.accessledger.api.worker.WorkerId;

import java.time.Instant;

/**
 * The {@link WorkerStateAsOf} of one worker at an instant as known at {@code knownAt} (only the events stored by then;
 * {@code null}: every event stored so far), or none if the worker was not yet hired then.
 */
public record FindWorkerAsOfQuery(WorkerId workerId, Instant asOf, Instant knownAt) {
}
