package org.accessledger.api.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change some fields of the worker's assignment (a mover, a new manager, a relocation). */
public record ChangeAssignment(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime effective,
                 AssignmentChange change) implements WorkerCommand {
}
