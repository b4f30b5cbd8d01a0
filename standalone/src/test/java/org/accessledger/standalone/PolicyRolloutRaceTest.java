package org.accessledger.standalone;

import org.accessledger.platform.time.MutableClock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A policy publication is rolled out over the current-access view, which another processor keeps: a worker hired
 * just before the publication, whose view that processor has not yet written, is re-evaluated all the same.
 */
class PolicyRolloutRaceTest {

    @TempDir
    Path directory;

    @Test
    void aWorkerHiredJustBeforeAPublicationIsReevaluatedThoughTheAccessViewLagged() throws InterruptedException {
        try (RunningApp app = RunningApp.start(directory.resolve("data"), new MutableClock(Instant.parse("2026-12-07T10:00:00Z")))) {
            await().until(() -> app.asAuditor("/api/v1/policy").status() == 200);
            accept(app, hireInto("race-1", "RC1", "2026-12-01", "Finance", "FIN-ANALYST", "CC-100"));
            await().atMost(Duration.ofSeconds(10)).until(() -> app.asAuditor("/api/v1/workers/RC1/access").status() == 200);

            StreamingEventProcessor currentAccess = app.bean(EventProcessingConfiguration.class)
                    .eventProcessor("access-current", StreamingEventProcessor.class).orElseThrow();
            currentAccess.shutDown();
            accept(app, hireInto("race-2", "RC2", "2026-12-01", "Finance", "FIN-ANALYST", "CC-100"));
            await("RC2's access decided, not yet in the current-access view").atMost(Duration.ofSeconds(10))
                    .until(() -> grants(app, "RC2").contains("erp:user"));

            String policy = app.getText("/api/v1/policy", "application/yaml");
            String withVpnForFinance = policy.replace("    bundles: [finance-basics]", "    bundles: [finance-basics]\n    entitlements: [vpn:user]");
            assertThat(withVpnForFinance).isNotEqualTo(policy);
            assertThat(app.send("PUT", "/api/v1/policy", "application/yaml", withVpnForFinance).status()).isIn(200, 201);
            Thread.sleep(2_000); // the roll-out has had its chance to run over the lagging view
            currentAccess.start();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(grants(app, "RC1")).contains("vpn:user");
                assertThat(grants(app, "RC2")).as("re-evaluated though its view lagged at the publication").contains("vpn:user");
            });
        }
    }

    private static List<String> grants(RunningApp app, String workerId) {
        return app.history(workerId, "ACCESS").stream().filter(entry -> entry.get("event").asText().equals("AccessGranted"))
                .map(entry -> entry.at("/details/entitlement").asText()).toList();
    }

    private static void accept(RunningApp app, String event) {
        assertThat(app.postHrEvents(event).body().at("/results/0/outcome").asText()).isEqualTo("ACCEPTED");
    }
}
