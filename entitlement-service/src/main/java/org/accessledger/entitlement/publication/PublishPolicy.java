package org.accessledger.entitlement.publication;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish a new version of the access policy; the same document again changes nothing. {@code confirmedBySimulation}
 * names the simulation that confirmed a publication past the guard's limit, or is {@code null}.
 */
public record PublishPolicy(@TargetAggregateIdentifier String policyId, String document, String publishedBy, String confirmedBySimulation) {

    /** There is one access policy; its versions are the events of one aggregate. */
    public static final String POLICY_ID = "access-policy";

    public PublishPolicy(String document, String publishedBy) {
        this(POLICY_ID, document, publishedBy, null);
    }

    public PublishPolicy(String document, String publishedBy, String confirmedBySimulation) {
        this(POLICY_ID, document, publishedBy, confirmedBySimulation);
    }
}
