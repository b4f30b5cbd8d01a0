package org.accessledger.api.worker;

import org.accessledger.api.WorkerScoped;

import java.time.Instant;

/**
 * An event of one worker's history. Every one is bitemporal: {@link #effectiveAt()} is when it takes effect
 * in HR, the event message's timestamp is when it was recorded. Handlers sequence on {@link #workerId()}.
 */
public interface WorkerEvent extends WorkerScoped {

    /** The HR event that caused this one; for a scheduled change, the HR event that scheduled it. */
    HrEventId hrEventId();

    Instant effectiveAt();
}
