package org.accessledger.api.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A no-show: withdraw a hire before its start date. */
public record CancelHire(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId) implements WorkerCommand {
}
