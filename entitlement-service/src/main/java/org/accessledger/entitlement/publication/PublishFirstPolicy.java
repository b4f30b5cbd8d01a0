package org.accessledger.entitlement.publication;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish this document only if no policy version exists yet. The policy history decides, so instances starting
 * together, or an administrator publishing meanwhile, still end with one first version.
 */
public record PublishFirstPolicy(@TargetAggregateIdentifier String policyId, String document, String publishedBy) {

    public PublishFirstPolicy(String document, String publishedBy) {
        this(PublishPolicy.POLICY_ID, document, publishedBy);
    }
}
