package org.accessledger.connector.account;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.connector.spi.TargetAnswer;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A target did what was asked: the account exists, was updated or disabled, or the entitlement was added or removed.
 * {@code answer} is what the target said the account is now (absent in revision 1, recorded before targets answered).
 */
@Revision("2")
public record ProvisioningSucceeded(WorkerId workerId,
                                    String target,
                                    Operation operation,
                                    String entitlement,
                                    int attempts,
                                    String causeEventId,
                                    Instant at,
                                    TargetAnswer answer) implements WorkerScoped {
}
