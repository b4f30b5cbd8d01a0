package org.accessledger.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyOnlyProcessorMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LatencyOnlyProcessorMetrics metrics = new LatencyOnlyProcessorMetrics(meters);

    @Test
    @SuppressWarnings("unchecked")
    void eventProcessorsReportTheirLatencyAndNothingElse() {
        MessageMonitor<EventMessage<?>> monitor = (MessageMonitor<EventMessage<?>>) metrics.registerComponentWithDefaultTags(EventProcessor.class, "worker-view");

        monitor.onMessageIngested(GenericEventMessage.asEventMessage("handled")).reportSuccess();
        monitor.onMessageIngested(GenericEventMessage.asEventMessage("ignored")).reportIgnored();

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName()).containsExactly("eventProcessor.latency");
        assertThat(meters.get("eventProcessor.latency").tag("processorName", "worker-view").gauge()).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void otherComponentsKeepAxonsMetrics() {
        MessageMonitor<Message<?>> monitor = (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(CommandBus.class, "commandBus");

        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("hire")).reportSuccess();

        assertThat(meters.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .anyMatch(name -> name.startsWith("commandBus."));
    }
}
