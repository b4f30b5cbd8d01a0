package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.identity.view.WorkerViewProjection;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A worker's whole life through the HTTP API of the running standalone app. */
class JoinerMoverLeaverStoryTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final MutableClock clock = new MutableClock(NOW);
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
    void hireStartMoveLeaveReturnTerminateRehireIsRecordedWithBothTimes() {
        accepted(hire("s-1", "S100", "2026-12-01", "story@example.com"));
        awaitStatus("S100", "PRE_HIRE");
        await().untilAsserted(() -> assertThat(worker("S100").at("/scheduled/0/type").asText()).isEqualTo("START"));
        assertThat(worker("S100").at("/scheduled/0/effectiveAt").asText()).isEqualTo("2026-12-01T00:00:00Z");

        clock.set(Instant.parse("2026-12-01T00:00:01Z"));
        awaitStatus("S100", "ACTIVE");

        accepted(move("s-2", "S100", "2026-12-01", "Sales"));
        await().untilAsserted(() -> assertThat(worker("S100").at("/assignment/department").asText()).isEqualTo("Sales"));

        clock.set(Instant.parse("2026-12-10T09:00:00Z"));
        accepted(dated("LEAVE_START", "s-3", "S100", "2026-12-10"));
        awaitStatus("S100", "ON_LEAVE");
        accepted(dated("LEAVE_END", "s-4", "S100", "2026-12-10"));
        awaitStatus("S100", "ACTIVE");

        accepted(terminate("s-5", "S100", "2026-12-31"));
        await().untilAsserted(() -> assertThat(worker("S100").at("/scheduled/0/type").asText()).isEqualTo("TERMINATION"));
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        awaitStatus("S100", "TERMINATED");

        accepted(rehire("s-6", "S100", "2027-01-01", "story@example.com"));
        JsonNode rehired = awaitStatus("S100", "ACTIVE");
        assertThat(rehired.get("employment").asInt()).isEqualTo(2);

        List<JsonNode> history = app.lifecycleHistory("S100");
        List<String> events = new ArrayList<>();
        history.forEach(event -> {
            events.add(event.get("event").asText() + "@" + event.get("effectiveAt").asText());
            assertThat(event.get("recordedAt").asText()).startsWith("20");
            assertThat(event.get("hrEventId").asText()).startsWith("s-");
        });
        assertThat(events).containsExactly(
                "WorkerHired@2026-12-01T00:00:00Z",
                "ChangeScheduled@2026-12-01T00:00:00Z",
                "WorkerStarted@2026-12-01T00:00:00Z",
                "AssignmentChanged@2026-12-01T00:00:00Z",
                "LeaveStarted@2026-12-10T00:00:00Z",
                "LeaveEnded@2026-12-10T00:00:00Z",
                "ChangeScheduled@2027-01-01T00:00:00Z",
                "WorkerTerminated@2027-01-01T00:00:00Z",
                "WorkerRehired@2027-01-01T00:00:00Z",
                "WorkerStarted@2027-01-01T00:00:00Z");
        assertThat(history.get(7).at("/details/reason").asText()).isEqualTo("resigned");
    }

    @Test
    void eventsOfOneWorkerInABatchAreAppliedInTheOrderGiven() {
        RunningApp.Response response = app.postHrEvents(batch(
                hire("b-1", "S200", "2026-11-01", "batch@example.com"),
                dated("LEAVE_START", "b-2", "S200", "2026-11-15"),
                dated("LEAVE_END", "b-3", "S200", "2026-11-20"),
                move("b-4", "S200", "2026-11-20", "Legal")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().findValuesAsText("outcome")).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED");
        await().untilAsserted(() -> assertThat(worker("S200").at("/assignment/department").asText()).isEqualTo("Legal"));
        assertThat(worker("S200").get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void repeatedHrEventAnswersDuplicateAndStoresNothing() {
        accepted(hire("d-1", "S300", "2026-11-01", "dup@example.com"));
        RunningApp.Response again = app.postHrEvents(hire("d-1", "S300", "2026-11-01", "dup@example.com"));

        assertThat(again.body().at("/results/0/outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(app.lifecycleHistory("S300")).hasSize(2);
    }

    @Test
    void aWorkerReadRightAfterEachAcceptedEventShowsIt() {
        for (int i = 0; i < 10; i++) {
            String workerId = "R" + (100 + i);
            accepted(hire("r-hire-" + i, workerId, "2026-11-01", workerId.toLowerCase() + "@example.com"));
            assertThat(worker(workerId).path("status").asText()).isEqualTo("ACTIVE");

            accepted(terminate("r-leave-" + i, workerId, "2026-11-20"));
            assertThat(worker(workerId).path("status").asText()).isEqualTo("TERMINATED");
        }
    }

    @Test
    void aWorkerReadWhileTheViewIsBehindAnswersServiceUnavailableUntilItCatchesUp() {
        accepted(hire("b-hire", "B100", "2026-11-01", "b100@example.com"));
        assertThat(worker("B100").path("status").asText()).isEqualTo("ACTIVE");
        EventProcessor workerView = app.bean(EventProcessingConfiguration.class).eventProcessor(WorkerViewProjection.GROUP).orElseThrow();
        workerView.shutDown();
        try {
            accepted(terminate("b-leave", "B100", "2026-11-20"));

            RunningApp.Response behind = app.asAuditor("/api/v1/workers/B100");

            assertThat(behind.status()).isEqualTo(503);
            assertThat(behind.contentType()).startsWith("application/problem+json");
            assertThat(behind.body().path("code").asText()).isEqualTo("VIEW_BEHIND");
            assertThat(behind.headers().firstValue("Retry-After")).hasValue("1");
        } finally {
            workerView.start();
        }
        assertThat(worker("B100").path("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void aWorkerWithNoEventsIsNotFound() {
        RunningApp.Response unknown = app.asAuditor("/api/v1/workers/NOBODY1");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("detail").asText()).isEqualTo("No worker NOBODY1 was ever hired");
    }

    static void accepted(String event) {
        RunningApp.Response response = app.postHrEvents(event);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/0/outcome").asText()).as(response.body().toString()).isEqualTo("ACCEPTED");
    }

    static JsonNode worker(String workerId) {
        return app.asAuditor("/api/v1/workers/" + workerId).body();
    }

    static JsonNode awaitStatus(String workerId, String status) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker(workerId).path("status").asText()).isEqualTo(status));
        return worker(workerId);
    }
}
