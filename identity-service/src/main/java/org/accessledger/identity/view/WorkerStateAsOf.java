package org.accessledger.identity.view;

import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerStatus;

import java.time.Instant;

/** A worker's status and assignment in effect at {@code asOf}, as known now, and since when that state holds. */
public record WorkerStateAsOf(String workerId, Instant asOf, int employment, WorkerStatus status, Assignment assignment, Instant since) {
}
