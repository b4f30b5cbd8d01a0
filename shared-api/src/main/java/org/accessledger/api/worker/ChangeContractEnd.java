package org.accessledger.api.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.LocalDate;

/** Extend (or shorten) a fixed-term contract; access ends at 00:00 after the new last day. */
public record ChangeContractEnd(@TargetAggregateIdentifier WorkerId workerId,
                 HrEventId hrEventId,
                 LocalDate newEndDate) implements WorkerCommand {
}
