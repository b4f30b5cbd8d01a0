package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.LocalDate;

/** Extend (or shorten) a fixed-term contract; access ends at 00:00 after the new last day. */
public record ChangeContractEnd(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 LocalDate newEndDate) implements WorkerCommand {
}
