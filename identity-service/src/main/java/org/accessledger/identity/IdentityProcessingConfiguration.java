package org.accessledger.identity;

import org.accessledger.identity.registry.MongoIdentityRegistry;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Event processing that the identity rules depend on, whatever the runnable's settings say. */
@Configuration(proxyBeanMethods = false)
public class IdentityProcessingConfiguration {

    /** A failed identity claim must fail the hire that caused it, not be logged and forgotten. */
    @Autowired
    void registryFailsTheCommand(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(MongoIdentityRegistry.GROUP)
                .registerListenerInvocationErrorHandler(MongoIdentityRegistry.GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
