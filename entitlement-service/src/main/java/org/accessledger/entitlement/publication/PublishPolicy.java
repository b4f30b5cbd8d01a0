package org.accessledger.entitlement.publication;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a new version of the access policy; the same document again changes nothing. */
public record PublishPolicy(@TargetAggregateIdentifier String policyId, String document, String publishedBy) {

    /** There is one access policy; its versions are the events of one aggregate. */
    public static final String POLICY_ID = "access-policy";

    public PublishPolicy(String document, String publishedBy) {
        this(POLICY_ID, document, publishedBy);
    }
}
