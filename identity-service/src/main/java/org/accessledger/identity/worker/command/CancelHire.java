package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A no-show: withdraw a hire before its start date. */
public record CancelHire(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId) implements WorkerCommand {
}
