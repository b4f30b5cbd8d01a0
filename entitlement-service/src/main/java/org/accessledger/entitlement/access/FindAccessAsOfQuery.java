package org.accessledger.entitlement.access;

import org.accessledger.api.worker.WorkerId;

import java.time.Instant;

/** The worker's access at a past (or future) instant, computed from the event stream. */
public record FindAccessAsOfQuery(WorkerId workerId, Instant asOf) {
}
