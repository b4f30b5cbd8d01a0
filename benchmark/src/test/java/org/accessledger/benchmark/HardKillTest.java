package org.accessledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app killed hard (SIGKILL) right after it answered ACCEPTED to a burst of hires: after a restart on the
 * same data directory the event store, the worker views and the duplicate-identity registry hold every one of them.
 * This module runs the packaged app as a child process, so the test lives here.
 */
class HardKillTest {

    private static final int HIRES = 2_000;

    @TempDir
    Path directory;

    @Test
    void aHardKillLosesNoAcceptedHire() throws Exception {
        Path jar = Path.of("../standalone/target/accessledger.jar").toAbsolutePath();
        Path data = directory.resolve("data");
        List<ObjectNode> hires = Population.generate(11, HIRES).hires().stream().map(Population.Dated::event).toList();

        try (AppUnderTest app = AppUnderTest.start(jar, data, AppUnderTest.freePort(), "768m", List.of(), List.of())) {
            for (int from = 0; from < HIRES; from += 500) {
                JsonNode answer = app.post("/api/v1/hr-events", "{\"events\":" + hires.subList(from, from + 500) + "}");
                assertThat(answer.findValuesAsText("outcome")).as(answer.toString()).hasSize(500).containsOnly("ACCEPTED");
            }
            app.kill();
        }

        try (AppUnderTest app = AppUnderTest.start(jar, data, AppUnderTest.freePort(), "768m", List.of(), List.of())) {
            app.awaitCaughtUp("worker-view");
            List<String> noWorkerView = hires.stream().map(hire -> hire.path("workerId").asText())
                    .filter(workerId -> !workerId.equals(app.get("/api/v1/workers/" + workerId, true).path("workerId").asText()))
                    .toList();
            List<String> notInTheEventStore = noWorkerView.stream()
                    .filter(workerId -> !app.get("/api/v1/workers/" + workerId + "/history", true).has("events"))
                    .toList();
            assertThat(notInTheEventStore).as("accepted hires missing from the event store").isEmpty();
            assertThat(noWorkerView).as("worker views missing").isEmpty();

            List<ObjectNode> sameEmails = hires.stream().map(hire -> hire.deepCopy()
                    .put("hrEventId", "again-" + hire.path("hrEventId").asText())
                    .put("workerId", "X" + hire.path("workerId").asText())).toList();
            for (int from = 0; from < HIRES; from += 500) {
                JsonNode answer = app.post("/api/v1/hr-events", "{\"events\":" + sameEmails.subList(from, from + 500) + "}");
                assertThat(answer.findValuesAsText("code")).as("e-mails still claimed after the restart")
                        .hasSize(500).containsOnly("DUPLICATE_IDENTITY");
            }
        }
    }
}
