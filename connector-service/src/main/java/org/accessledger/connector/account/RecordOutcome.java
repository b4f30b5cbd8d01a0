package org.accessledger.connector.account;

import org.accessledger.api.worker.WorkerId;
import org.accessledger.connector.spi.TargetAnswer;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record what a target operation did: succeeded with the target's {@code answer}, or failed after {@code attempts}
 * tries with {@code error} (and its {@code code}, if of a kind of its own).
 */
public record RecordOutcome(@TargetAggregateIdentifier String accountId,
                            String target,
                            WorkerId workerId,
                            Operation operation,
                            String entitlement,
                            boolean succeeded,
                            int attempts,
                            String error,
                            String code,
                            TargetAnswer answer,
                            String causeEventId,
                            Instant at) {
}
