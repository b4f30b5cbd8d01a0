package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/** An accepted HR event names its position in the event stream; a read at that position shows it, without waiting by hand. */
class ReadYourWritesTest {

    @TempDir
    static Path directory;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(directory.resolve("data"), new MutableClock(Instant.parse("2026-12-07T10:00:00Z")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theAccessOfAHireIsReadAtThePositionItsAnswerNamed() {
        JsonNode result = app.postHrEvents(hireInto("rw-1", "RW1", "2026-12-01", "Finance", "FIN-ANALYST", "CC-100")).body().at("/results/0");
        assertThat(result.get("outcome").asText()).isEqualTo("ACCEPTED");
        long position = result.get("position").asLong();

        JsonNode access = app.asAuditor("/api/v1/workers/RW1/access?minPosition=" + position).body();
        assertThat(access.get("items").findValuesAsText("entitlement")).contains("erp:user", "payroll:viewer");
        assertThat(app.asAuditor("/api/v1/workers/RW1?minPosition=" + position).body().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(app.asAuditor("/api/v1/entitlements/erp:user/holders?minPosition=" + position).body().findValuesAsText("workerId"))
                .contains("RW1");
    }

    @Test
    void aDuplicateNamesAPositionTooAndARejectedEventNone() {
        app.postHrEvents(hire("rw-2", "RW2", "2026-12-01", "rw2@example.com"));

        assertThat(app.postHrEvents(hire("rw-2", "RW2", "2026-12-01", "rw2@example.com")).body().at("/results/0/position").isNumber()).isTrue();
        assertThat(app.postHrEvents(dated("LEAVE_END", "rw-3", "RW2", "2026-12-01")).body().at("/results/0").has("position")).isFalse();
    }

    @Test
    void aPositionTheViewHasNotReachedAnswers503WithRetryAfter() {
        long beyond = app.postHrEvents(hire("rw-4", "RW4", "2026-12-01", "rw4@example.com")).body().at("/results/0/position").asLong() + 1_000_000;

        RunningApp.Response behind = app.asAuditor("/api/v1/workers/RW4/access?minPosition=" + beyond);

        assertThat(behind.status()).isEqualTo(503);
        assertThat(behind.body().get("code").asText()).isEqualTo("VIEW_BEHIND");
        assertThat(behind.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aWorkerNeverHiredIsNotFound() {
        assertThat(app.asAuditor("/api/v1/workers/NEVER1/access").status()).isEqualTo(404);
    }
}
