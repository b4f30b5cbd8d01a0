package org.accessledger.entitlement.access;

import org.accessledger.api.worker.WorkerId;

/** The worker's access now, from the read model. */
public record FindCurrentAccessQuery(WorkerId workerId) {
}
