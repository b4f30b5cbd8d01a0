package org.accessledger.api;

import org.accessledger.api.worker.WorkerId;

/**
 * A message about one worker. Every worker-scoped event implements it, so one sequencing policy keeps each worker's
 * events in order across services.
 */
public interface WorkerScoped {

    WorkerId workerId();
}
