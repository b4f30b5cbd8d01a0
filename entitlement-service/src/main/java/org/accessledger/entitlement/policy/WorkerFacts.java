package org.accessledger.entitlement.policy;

import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerType;

/** What the policy looks at: the worker's type and assignment. */
public record WorkerFacts(WorkerType workerType, Assignment assignment) {
}
