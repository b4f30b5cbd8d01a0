package org.accessledger.entitlement;

import org.accessledger.entitlement.publication.PublishedPolicies;
import org.accessledger.platform.storage.ReadModelDurability;
import org.accessledger.platform.storage.ReadModelsFirstInterceptor;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Event processing that the entitlement rules depend on, whatever the runnable's settings say. */
@Configuration(proxyBeanMethods = false)
public class EntitlementProcessingConfiguration {

    /**
     * The next decision after a publication must already use the new policy version; the version is durable before
     * its publication is, so a crash cannot leave decisions made with the previous one.
     */
    @Autowired
    void publishedPoliciesInTheCommandsUnitOfWork(EventProcessingConfigurer processing, ReadModelDurability readModels) {
        processing.registerSubscribingEventProcessor(PublishedPolicies.GROUP)
                .registerHandlerInterceptor(PublishedPolicies.GROUP, configuration -> new ReadModelsFirstInterceptor(readModels));
    }
}
