package org.accessledger.entitlement.profile;

import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;

import java.time.Instant;

/**
 * The worker's facts from {@code effectiveAt} on a corrected timeline. {@code workerType} {@code null} means unchanged;
 * {@code lifecycleRule} names the rule of an ended employment.
 */
public record FactsAt(Instant effectiveAt,
                      HrEventId hrEventId,
                      WorkerStatus status,
                      WorkerType workerType,
                      Assignment assignment,
                      String lifecycleRule,
                      boolean newEmployment) {
}
