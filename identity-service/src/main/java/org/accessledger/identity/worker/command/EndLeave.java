package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker returns from leave of absence. */
public record EndLeave(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime effective) implements WorkerCommand {
}
