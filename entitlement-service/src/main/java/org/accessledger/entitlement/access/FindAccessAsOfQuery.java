package org.accessledger.entitlement.access;

import org.accessledger.api.worker.WorkerId;

import java.time.Instant;

/**
 * The worker's access effective at a past (or future) instant, computed from the event stream as AccessLedger knew it
 * at {@code knownAt}: only the events stored by then count ({@code null}: every event stored so far).
 */
public record FindAccessAsOfQuery(WorkerId workerId, Instant asOf, Instant knownAt) {

    public FindAccessAsOfQuery(WorkerId workerId, Instant asOf) {
        this(workerId, asOf, null);
    }
}
