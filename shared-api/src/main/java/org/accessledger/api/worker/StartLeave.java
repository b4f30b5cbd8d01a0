package org.accessledger.api.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker goes on leave of absence. */
public record StartLeave(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime effective) implements WorkerCommand {
}
