package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an earlier accepted change of the current employment, whether or not it has taken effect yet. */
public record RescindHrEvent(@TargetAggregateIdentifier WorkerId workerId,
                             HrEventId hrEventId,
                             HrEventId rescinds) implements WorkerCommand {
}
