package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a new employment period for a terminated worker, under the same worker id. */
public record RehireWorker(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime start,
                 PersonDetails person,
                 Assignment assignment) implements WorkerCommand {
}
