package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real Prometheus scrapes the running app and answers with the JML series; the deploy/ alert rules load into it. */
class PrometheusScrapeTest {

    @TempDir
    Path directory;

    @Test
    void prometheusScrapesTheJmlSeries() throws Exception {
        try (RunningApp app = RunningApp.start(directory.resolve("data"), new MutableClock(Instant.parse("2026-11-21T10:00:00Z")))) {
            int prometheusPort = freePort();
            Files.copy(PrometheusAssetsTest.PROMETHEUS.resolve("alerts.yml"), directory.resolve("alerts.yml"));
            Files.writeString(directory.resolve("prometheus.yml"), """
                    global: {scrape_interval: 1s, evaluation_interval: 1s}
                    rule_files: [alerts.yml]
                    scrape_configs:
                      - job_name: accessledger
                        metrics_path: /actuator/prometheus
                        static_configs: [{targets: ["127.0.0.1:%d"]}]
                    """.formatted(app.port()));
            Process prometheus = new ProcessBuilder(List.of("prometheus", "--config.file=" + directory.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + directory.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort))
                    .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
            try {
                app.postHrEvents(batch(hire("m-1", "M100", "2026-11-02", "m100@example.com"),
                        hire("m-2", "M200", "2026-11-02", "m200@example.com"),
                        terminate("m-3", "NOBODY", "2026-11-20")));

                // Prometheus needs a moment to listen and a scrape or two: connection refusals count as "not yet".
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                    JsonNode accepted = query(prometheusPort, "accessledger_hr_events_total{type=\"HIRE\",outcome=\"ACCEPTED\"}");
                    assertThat(accepted.at("/data/result/0/value/1").asText()).isEqualTo("2");
                    JsonNode rejected = query(prometheusPort, "accessledger_hr_events_total{outcome=\"REJECTED\"}");
                    assertThat(rejected.at("/data/result/0/metric/type").asText()).isEqualTo("TERMINATION");
                    assertThat(query(prometheusPort, "accessledger_time_to_provision_seconds_count").at("/data/result/0/metric/target").asText())
                            .isEqualTo("demo-directory");
                    assertThat(query(prometheusPort, "accessledger_target_up").at("/data/result/0/value/1").asText()).isEqualTo("1");
                    assertThat(query(prometheusPort, "eventProcessor_latency{processorName=\"worker-view\"}").at("/data/result")).isNotEmpty();
                });
                String exposed = app.get("/actuator/prometheus", null, null).body().asText();
                List<String> used = new java.util.ArrayList<>(DeployAssetsTest.dashboardExpressions());
                used.add(Files.readString(PrometheusAssetsTest.PROMETHEUS.resolve("alerts.yml")));
                java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b(accessledger_[a-z_]+|eventProcessor_[a-zA-Z_]+|jvm_[a-z_]+|process_cpu_usage)\\b")
                        .matcher(String.join("\n", used));
                while (names.find()) {
                    assertThat(exposed).as("the app exposes " + names.group(1) + ", used by a dashboard or alert").contains(names.group(1));
                }
                JsonNode rules = get(prometheusPort, "/api/v1/rules");
                assertThat(rules.at("/data/groups/0/rules").findValuesAsText("name")).contains("LeaverRevocationSlow", "DeadLettersPresent");
            } finally {
                prometheus.destroy();
                prometheus.waitFor();
            }
        }
    }

    static JsonNode query(int port, String promql) throws Exception {
        return get(port, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    static JsonNode get(int port, String path) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
