package org.accessledger.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;

import java.util.function.Function;

/**
 * Axon's metrics, except that event processors report only {@code eventProcessor_latency}. Axon also times, counts
 * and measures the capacity of every event each processor reads, a meter lookup per event even for the many it
 * ignores: 8 % of all CPU in a profile of the 100,000-worker benchmark, for figures no dashboard or alert reads.
 */
public class LatencyOnlyProcessorMetrics extends GlobalMetricRegistry {

    public LatencyOnlyProcessorMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName,
                                                                          Function<Message<?>, Iterable<Tag>> tagsBuilder,
                                                                          Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return EventProcessorLatencyMonitor.builder()
                .meterNamePrefix(eventProcessorName)
                .meterRegistry(getRegistry())
                .tagsBuilder(latencyTagsBuilder)
                .build();
    }
}
