package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the employment; for a date, the date is the last working day and access ends at 00:00 after it. */
public record TerminateWorker(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 EffectiveTime lastDay,
                 String reason) implements WorkerCommand {
}
