package org.accessledger.entitlement.profile;

import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Tell a worker's access profile what changed about the worker. {@code null} fields are unchanged;
 * {@code newEmployment} marks a hire or rehire.
 */
public record ApplyWorkerChange(@TargetAggregateIdentifier String profileId,
                                WorkerId workerId,
                                String causeEventId,
                                HrEventId hrEventId,
                                Instant effectiveAt,
                                String lifecycleRule,
                                boolean newEmployment,
                                WorkerStatus status,
                                WorkerType workerType,
                                Assignment assignment) {
}
