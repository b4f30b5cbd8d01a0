package org.accessledger.identity.worker.command;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the scheduler: let every scheduled change whose instant has passed take effect. */
public record ApplyDueChanges(@TargetAggregateIdentifier WorkerId workerId) {
}
