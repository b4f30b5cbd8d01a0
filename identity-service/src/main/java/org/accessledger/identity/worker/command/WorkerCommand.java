package org.accessledger.identity.worker.command;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.HrEventId;

/**
 * An HR command addressed to one worker. {@link #hrEventId()} makes it idempotent: sending it again
 * changes nothing and answers {@link HrEventOutcome#DUPLICATE}.
 */
public interface WorkerCommand extends WorkerScoped {

    HrEventId hrEventId();
}
