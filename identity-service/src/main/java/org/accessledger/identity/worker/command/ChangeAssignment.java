package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.AssignmentChange;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change some fields of the worker's assignment (a mover, a new manager, a relocation). */
public record ChangeAssignment(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime effective,
                 AssignmentChange change) implements WorkerCommand {
}
