package org.accessledger.entitlement.profile;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An approver's decision on a pending access request. */
public record DecideApproval(@TargetAggregateIdentifier String profileId,
                             String approvalId,
                             boolean approve,
                             String approver,
                             String comment) {
}
