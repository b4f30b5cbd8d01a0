package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a future-dated change (a move, a leave, a termination) before it takes effect. */
public record CancelScheduledChange(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 HrEventId scheduledBy) implements WorkerCommand {
}
