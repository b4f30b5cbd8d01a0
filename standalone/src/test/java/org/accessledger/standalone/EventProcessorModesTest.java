package org.accessledger.standalone;

import org.accessledger.platform.axon.ArrivalSignallingEventSource;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How each processing group runs in the standalone app, as application.yml configures it. */
class EventProcessorModesTest {

    @TempDir
    Path dataDir;

    @Test
    void readModelsRunPooledWhileCommandSendersRunAsTrackingProcessors() {
        try (RunningApp app = RunningApp.start(dataDir, new MutableClock(Instant.now()))) {
            EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
            for (String readModel : List.of("worker-view", "access-current", "entitlement-holders", "approvals", "access-changes", "target-accounts")) {
                assertThat(processor(processing, readModel)).as(readModel).isInstanceOf(PooledStreamingEventProcessor.class);
            }
            for (String commandSender : List.of("access-decisions", "policy-rollout")) {
                assertThat(processor(processing, commandSender)).as(commandSender).isInstanceOf(TrackingEventProcessor.class);
            }
        }
    }

    @Test
    void everyPooledProcessorIsCalledBackWhenAnEventIsStored() {
        try (RunningApp app = RunningApp.start(dataDir, new MutableClock(Instant.now()))) {
            EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
            long pooled = processing.eventProcessors().values().stream().filter(PooledStreamingEventProcessor.class::isInstance).count();
            ArrivalSignallingEventSource source = app.bean(ArrivalSignallingEventSource.class);
            assertThat(pooled).as("the six read models and the target's provisioning").isGreaterThanOrEqualTo(7);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat((long) source.signalledStreams()).isEqualTo(pooled));
        }
    }

    private static EventProcessor processor(EventProcessingConfiguration processing, String group) {
        return processing.eventProcessorByProcessingGroup(group).orElseThrow(() -> new AssertionError("no processor for " + group));
    }
}
