package org.accessledger.connector.account;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A target did what was asked: the account exists, was updated or disabled, or the entitlement was added or removed. */
@Revision("1")
public record ProvisioningSucceeded(WorkerId workerId,
                                    String target,
                                    Operation operation,
                                    String entitlement,
                                    int attempts,
                                    String causeEventId,
                                    Instant at) implements WorkerScoped {
}
