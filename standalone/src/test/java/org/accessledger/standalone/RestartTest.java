package org.accessledger.standalone;

import org.accessledger.platform.storage.CommandsDurableOnH2;
import org.accessledger.platform.storage.ReadModelsFirstTokenStore;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Everything accepted survives a restart on the same data directory, and pending changes still fire. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void stateHistoryAndPendingChangesSurviveARestartAndStillFire() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
        try (RunningApp app = RunningApp.start(dataDir, clock)) {
            assertThat(app.bean(TokenStore.class)).as("tokens wait for the read models").isInstanceOf(ReadModelsFirstTokenStore.class);
            assertThat(app.bean(CommandsDurableOnH2.class)).as("HTTP commands are on disk before they return").isNotNull();
            assertThat(app.postHrEvents(batch(
                    hire("r-1", "R100", "2026-12-01", "restart@example.com"),
                    terminate("r-2", "R100", "2027-03-31"),
                    hire("r-3", "R200", "2026-11-02", "active@example.com"))).status()).isEqualTo(200);
            await().untilAsserted(() -> assertThat(app.asAuditor("/api/v1/workers/R100").body().get("scheduled")).hasSize(2));
            await().untilAsserted(() -> assertThat(app.asAuditor("/api/v1/workers/R200").body().path("status").asText()).isEqualTo("ACTIVE"));
        }

        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        try (RunningApp app = RunningApp.start(dataDir, clock)) {
            assertThat(app.asAuditor("/api/v1/workers/R200").body().get("status").asText()).isEqualTo("ACTIVE");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(app.asAuditor("/api/v1/workers/R100").body().path("status").asText()).isEqualTo("ACTIVE"));
            assertThat(app.asAuditor("/api/v1/workers/R100").body().at("/scheduled/0/type").asText()).isEqualTo("TERMINATION");
            assertThat(app.lifecycleHistory("R100")).hasSize(4);
            assertThat(app.postHrEvents(hire("r-1", "R100", "2026-12-01", "restart@example.com")).body()
                    .at("/results/0/outcome").asText()).isEqualTo("DUPLICATE");
        }

        clock.set(Instant.parse("2027-04-01T00:00:00Z"));
        try (RunningApp app = RunningApp.start(dataDir, clock)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(app.asAuditor("/api/v1/workers/R100").body().path("status").asText()).isEqualTo("TERMINATED"));
            assertThat(app.asAuditor("/api/v1/workers/R100").body().get("scheduled")).isEmpty();
        }
    }
}
