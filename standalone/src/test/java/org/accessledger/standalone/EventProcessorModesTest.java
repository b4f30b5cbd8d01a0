package org.accessledger.standalone;

import org.accessledger.platform.time.MutableClock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static EventProcessor processor(EventProcessingConfiguration processing, String group) {
        return processing.eventProcessorByProcessingGroup(group).orElseThrow(() -> new AssertionError("no processor for " + group));
    }
}
