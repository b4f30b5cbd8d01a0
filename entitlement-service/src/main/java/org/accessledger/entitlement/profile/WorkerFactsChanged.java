package org.accessledger.entitlement.profile;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.api.worker.WorkerType;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The access profile took note of the worker's new status, type or assignment (the inputs of its decisions). */
@Revision("1")
public record WorkerFactsChanged(WorkerId workerId,
                                 String causeEventId,
                                 Instant effectiveAt,
                                 boolean newEmployment,
                                 WorkerStatus status,
                                 WorkerType workerType,
                                 Assignment assignment) implements WorkerScoped {
}
