package org.accessledger.identity;

import org.accessledger.identity.registry.MongoIdentityRegistry;
import org.accessledger.platform.storage.ReadModelDurability;
import org.accessledger.platform.storage.ReadModelsFirstInterceptor;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.accessledger.identity.hr.IntakeProperties;
import org.accessledger.identity.worker.BackdatingLimit;
import org.accessledger.identity.schedule.SchedulingProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Event processing that the identity rules depend on, whatever the runnable's settings say. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SchedulingProperties.class, IntakeProperties.class, BackdatingLimit.class})
public class IdentityProcessingConfiguration {

    /**
     * The registry is updated inside the unit of work that stores the hire, so the next command sees it and a failed
     * claim (the platform makes handler errors propagate) fails the hire that caused it. Its writes are durable
     * before the hire is, so a crash cannot leave a stored hire unregistered.
     */
    @Autowired
    void registryInTheCommandsUnitOfWork(EventProcessingConfigurer processing, ReadModelDurability readModels) {
        processing.registerSubscribingEventProcessor(MongoIdentityRegistry.GROUP)
                .registerHandlerInterceptor(MongoIdentityRegistry.GROUP, configuration -> new ReadModelsFirstInterceptor(readModels));
    }
}
