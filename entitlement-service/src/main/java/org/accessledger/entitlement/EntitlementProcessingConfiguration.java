package org.accessledger.entitlement;

import org.accessledger.entitlement.publication.PublishedPolicies;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Event processing that the entitlement rules depend on, whatever the runnable's settings say. */
@Configuration(proxyBeanMethods = false)
public class EntitlementProcessingConfiguration {

    /** The next decision after a publication must already use the new policy version. */
    @Autowired
    void publishedPoliciesInTheCommandsUnitOfWork(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(PublishedPolicies.GROUP);
    }
}
