package org.accessledger.identity.view;

import org.accessledger.api.worker.WorkerId;

/** The {@link AppliedWorkerView} of one worker, or none if the view holds none (yet). */
public record FindWorkerQuery(WorkerId workerId) {
}
