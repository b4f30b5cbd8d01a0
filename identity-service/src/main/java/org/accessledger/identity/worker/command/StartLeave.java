package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker goes on leave of absence. */
public record StartLeave(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime effective) implements WorkerCommand {
}
