package org.accessledger.api.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a new employment period for a terminated worker, under the same worker id. */
public record RehireWorker(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime start,
                 PersonDetails person,
                 Assignment assignment) implements WorkerCommand {
}
