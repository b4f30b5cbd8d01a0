package org.accessledger.api.worker;

/**
 * An HR command addressed to one worker. {@link #hrEventId()} makes it idempotent: sending it again
 * changes nothing and answers {@link HrEventOutcome#DUPLICATE}.
 */
public interface WorkerCommand {

    WorkerId workerId();

    HrEventId hrEventId();
}
