package org.accessledger.connector.account;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A target operation failed after {@code attempts} tries; the worker's provisioning waits in the dead-letter queue. */
@Revision("1")
public record ProvisioningFailed(WorkerId workerId,
                                 String target,
                                 Operation operation,
                                 String entitlement,
                                 int attempts,
                                 String error,
                                 String causeEventId,
                                 Instant at) implements WorkerScoped {
}
