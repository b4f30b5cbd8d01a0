package org.accessledger.identity.view;

import org.accessledger.api.worker.WorkerId;

/** Every event of one worker, oldest first, as {@link HistoryEntry} items; empty if never hired. */
public record FindWorkerHistoryQuery(WorkerId workerId) {
}
