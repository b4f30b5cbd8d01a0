package org.accessledger.standalone;

import org.accessledger.identity.view.WorkerViewProjection;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A worker read right after an accepted HR event shows it, or says plainly that the view has not caught up. */
class WorkerViewReadsTest {

    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    @TempDir
    static Path dataDir;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aWorkerReadRightAfterEachAcceptedEventShowsIt() {
        for (int i = 0; i < 20; i++) {
            String workerId = "R" + (100 + i);
            accept(hire("r-hire-" + i, workerId, "2026-11-01", workerId.toLowerCase() + "@example.com"));
            assertThat(app.asAuditor("/api/v1/workers/" + workerId).body().path("status").asText()).isEqualTo("ACTIVE");

            accept(terminate("r-leave-" + i, workerId, "2026-11-20"));
            assertThat(app.asAuditor("/api/v1/workers/" + workerId).body().path("status").asText()).isEqualTo("TERMINATED");
        }
    }

    @Test
    void aWorkerReadWhileTheViewIsBehindAnswersServiceUnavailableUntilItCatchesUp() {
        accept(hire("b-hire", "B100", "2026-11-01", "b100@example.com"));
        assertThat(app.asAuditor("/api/v1/workers/B100").body().path("status").asText()).isEqualTo("ACTIVE");
        EventProcessor workerView = app.bean(EventProcessingConfiguration.class).eventProcessor(WorkerViewProjection.GROUP).orElseThrow();
        workerView.shutDown();
        try {
            accept(terminate("b-leave", "B100", "2026-11-20"));

            RunningApp.Response behind = app.asAuditor("/api/v1/workers/B100");

            assertThat(behind.status()).isEqualTo(503);
            assertThat(behind.contentType()).startsWith("application/problem+json");
            assertThat(behind.body().path("code").asText()).isEqualTo("VIEW_BEHIND");
            assertThat(behind.headers().firstValue("Retry-After")).hasValue("1");
        } finally {
            workerView.start();
        }
        assertThat(app.asAuditor("/api/v1/workers/B100").body().path("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void aWorkerWithNoEventsIsNotFound() {
        RunningApp.Response unknown = app.asAuditor("/api/v1/workers/NOBODY1");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("detail").asText()).isEqualTo("No worker NOBODY1 was ever hired");
    }

    private static void accept(String hrEvent) {
        RunningApp.Response response = app.postHrEvents(hrEvent);
        assertThat(response.body().findValuesAsText("outcome")).as(response.body().toString()).containsExactly("ACCEPTED");
    }
}
