package org.accessledger.connector.account;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A target operation failed after {@code attempts} tries; the worker's provisioning waits in the dead-letter queue.
 * {@code code} names a failure of its own kind, such as {@code ACCOUNT_OWNED_BY_OTHER_WORKER} (revision 2).
 */
@Revision("2")
public record ProvisioningFailed(WorkerId workerId,
                                 String target,
                                 Operation operation,
                                 String entitlement,
                                 int attempts,
                                 String error,
                                 String code,
                                 String causeEventId,
                                 Instant at) implements WorkerScoped {
}
