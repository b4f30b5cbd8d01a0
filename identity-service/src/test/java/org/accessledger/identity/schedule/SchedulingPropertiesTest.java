package org.accessledger.identity.schedule;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulingPropertiesTest {

    private static SchedulingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("accessledger.scheduling", Bindable.of(SchedulingProperties.class));
    }

    @Test
    void scheduleIsReadAtLeastEveryMinuteUnlessConfigured() {
        assertThat(bind(Map.of()).rescanInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theScheduleIsAskedEverySecondUnlessConfigured() {
        assertThat(bind(Map.of()).pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bind(Map.of("accessledger.scheduling.poll-interval", "PT0.05S")).pollInterval()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void rescanIntervalBindsFromItsKebabCaseKey() {
        assertThat(bind(Map.of("accessledger.scheduling.rescan-interval", "15s")).rescanInterval()).isEqualTo(Duration.ofSeconds(15));
    }
}
