package org.accessledger.entitlement.profile;

import org.accessledger.api.worker.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A new policy version was published: bring the worker's access in line with it. */
public record ReevaluateAccess(@TargetAggregateIdentifier String profileId,
                               WorkerId workerId,
                               String causeEventId,
                               Instant effectiveAt) {
}
