package org.accessledger.identity.view;

import org.accessledger.api.worker.WorkerId;

/** The current {@link WorkerView} of one worker, or none if never hired. */
public record FindWorkerQuery(WorkerId workerId) {
}
