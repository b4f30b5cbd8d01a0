package org.accessledger.connector.account;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record what a target operation did: succeeded, or failed after {@code attempts} tries with {@code error}. */
public record RecordOutcome(@TargetAggregateIdentifier String accountId,
                            String target,
                            WorkerId workerId,
                            Operation operation,
                            String entitlement,
                            boolean succeeded,
                            int attempts,
                            String error,
                            String causeEventId,
                            Instant at) {
}
