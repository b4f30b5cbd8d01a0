package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.AssignmentChange;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace the content of an earlier accepted change of the current employment ({@code corrects}): its effective time,
 * and for a move or a hire its assignment fields, for a termination its reason. Unset fields keep their value.
 */
public record CorrectHrEvent(@TargetAggregateIdentifier WorkerId workerId,
                             HrEventId hrEventId,
                             HrEventId corrects,
                             EffectiveTime effective,
                             AssignmentChange assignment,
                             String reason) implements WorkerCommand {
}
