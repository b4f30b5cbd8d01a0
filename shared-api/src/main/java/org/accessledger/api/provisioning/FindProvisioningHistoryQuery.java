package org.accessledger.api.provisioning;

import org.accessledger.api.worker.WorkerId;

/**
 * What the targets did for a worker and what reconciliations found there, for the worker's history; answered with a
 * list of {@link ProvisioningHistoryEntry} by the service that provisions, where it runs.
 */
public record FindProvisioningHistoryQuery(WorkerId workerId) {
}
