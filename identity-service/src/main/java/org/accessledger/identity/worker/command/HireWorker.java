package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hire a new worker (or one whose earlier hire was cancelled); the start is 00:00 of the start date. */
public record HireWorker(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime start,
                 PersonDetails person,
                 Assignment assignment) implements WorkerCommand {
}
