package org.accessledger.entitlement.profile;

import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Tell a worker's access profile that the worker's timeline was re-folded from {@code refoldedFrom}, with the facts from then on. */
public record CorrectAccessTimeline(@TargetAggregateIdentifier String profileId,
                                    WorkerId workerId,
                                    String causeEventId,
                                    HrEventId hrEventId,
                                    Instant refoldedFrom,
                                    List<FactsAt> facts) {
}
