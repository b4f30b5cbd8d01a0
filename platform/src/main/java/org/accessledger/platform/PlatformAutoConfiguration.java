package org.accessledger.platform;

import org.accessledger.platform.axon.ArrivalSignallingEventSource;
import org.accessledger.platform.axon.PerWorkerSequencingPolicy;
import org.accessledger.platform.json.IdsJacksonModule;
import org.accessledger.platform.metrics.LatencyOnlyProcessorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.accessledger.api.MetaDataKeys;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.accessledger.platform.security.SecurityConfiguration;
import org.accessledger.platform.storage.ReadModelStoreConfiguration;
import org.accessledger.platform.web.ApiDescription;
import org.accessledger.platform.web.ProblemHandler;
import org.accessledger.platform.web.RequestSizeLimit;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import org.accessledger.platform.axon.ReadYourWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;

/** The wiring every AccessLedger runnable shares; services add only their own handlers. */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration"})
@EnableConfigurationProperties(AccessLedgerProperties.class)
@EnableScheduling
@Import({ReadModelStoreConfiguration.class, SecurityConfiguration.class, ProblemHandler.class, ApiDescription.class})
public class PlatformAutoConfiguration {

    /** Tests replace it to move time; everything that asks "what time is it?" asks this clock. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public ReadYourWrites readYourWrites(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> events) {
        return new ReadYourWrites(processing, events);
    }

    /** First of the filters, so an oversized body is refused before security or anything else reads it. */
    @Bean
    public FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(AccessLedgerProperties properties, ObjectMapper json) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(properties.maxRequestSize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public IdsJacksonModule idsJacksonModule() {
        return new IdsJacksonModule();
    }

    /**
     * A failing event handler makes its processor retry instead of skipping the event (Axon's default logs and moves
     * on, which would silently lose a decision); each worker's events stay in order.
     */
    @Bean
    public ConfigurerModule accessLedgerEventProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultSequencingPolicy(configuration -> new PerWorkerSequencingPolicy());
    }

    /** Without Axon Server: see {@link ArrivalSignallingEventSource}. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public ArrivalSignallingEventSource arrivalSignallingEventSource(EventStore events) {
        return new ArrivalSignallingEventSource(events);
    }

    /** Every pooled streaming processor reads the event store; without Axon Server, through streams that signal arrival. */
    @Bean
    public ConfigurerModule pooledProcessorsWokenOnArrival(ObjectProvider<ArrivalSignallingEventSource> signalling) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> {
            ArrivalSignallingEventSource source = signalling.getIfAvailable();
            return source == null ? builder : builder.messageSource(source);
        });
    }

    @Bean
    public GlobalMetricRegistry axonMetrics(MeterRegistry registry) {
        return new LatencyOnlyProcessorMetrics(registry);
    }

    /** Axon's default correlation (trace and correlation ids); declared here because the next bean replaces the default. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider hrAcceptedAtCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.HR_ACCEPTED_AT);
    }

    /** Absent means unknown or unchanged: HTTP answers and stored events leave nulls out. */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer leaveOutNulls() {
        return builder -> builder.serializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
