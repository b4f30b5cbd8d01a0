package org.accessledger.api.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker returns from leave of absence. */
public record EndLeave(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime effective) implements WorkerCommand {
}
