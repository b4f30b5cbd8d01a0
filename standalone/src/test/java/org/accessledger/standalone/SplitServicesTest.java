package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three services as three processes on one PostgreSQL event store, each with its own read models: an HR event sent
 * to identity-service becomes a decision at entitlement-service and an account at connector-service.
 */
class SplitServicesTest {

    @TempDir
    static Path directory;
    static PostgresServer postgres;
    static final List<Process> services = new ArrayList<>();
    static int identity;
    static int entitlement;
    static int connector;
    static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @BeforeAll
    static void start() throws IOException {
        postgres = PostgresServer.start(PrometheusScrapeTest.freePort());
        identity = startService("identity-service");
        entitlement = startService("entitlement-service");
        connector = startService("connector-service");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process service : services) {
            service.destroy();
            service.waitFor();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void jmlStoryAtIdentityBecomesDecisionsAtEntitlementAndProvisioningAtConnector() throws Exception {
        HttpResponse<String> posted = send("POST", identity, "/api/v1/hr-events", "hr",
                HrEvents.hireInto("split-1", "X100", "2026-11-02", "Sales", "SALES-REP", "CC-200"));
        assertThat(posted.body()).contains("\"outcome\":\"ACCEPTED\"");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(send("GET", identity, "/api/v1/workers/X100", "auditor", null)).path("status").asText()).isEqualTo("ACTIVE"));
        assertThat(json(send("GET", identity, "/api/v1/workers/X100", "auditor", null)).path("familyName").asText()).isEqualTo("Lovelace");
        assertThat(storedEventsMentioning("Lovelace")).as("the shared event store holds the name sealed").isZero();
        assertThat(storedEventsMentioning("Sales")).isPositive();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(send("GET", entitlement, "/api/v1/workers/X100/access", "auditor", null)).path("items")
                        .findValuesAsText("entitlement")).contains("crm:sales-rep", "email:mailbox"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode account = json(send("GET", connector, "/api/v1/targets/demo-directory/accounts/X100", "auditor", null));
            assertThat(account.at("/actual/exists").asBoolean()).isTrue();
            assertThat(account.at("/actual/entitlements").toString()).contains("crm:sales-rep");
        });

        assertThat(send("POST", identity, "/api/v1/hr-events", "hr",
                HrEvents.changeAssignment("split-2", "X100", "2026-11-21", "{\"department\":\"Finance\"}")).body()).contains("ACCEPTED");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(send("GET", entitlement, "/api/v1/workers/X100/access", "auditor", null)).path("items")
                        .findValuesAsText("entitlement")).contains("erp:user").doesNotContain("crm:sales-rep"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(send("GET", connector, "/api/v1/targets/demo-directory/accounts/X100", "auditor", null))
                        .at("/actual/entitlements").toString()).contains("erp:user").doesNotContain("crm:sales-rep"));

        assertThat(send("POST", identity, "/api/v1/hr-events", "hr", HrEvents.terminate("split-3", "X100", "2026-11-20")).body()).contains("ACCEPTED");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(send("GET", entitlement, "/api/v1/workers/X100/access", "auditor", null)).path("items")).isEmpty());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(send("GET", connector, "/api/v1/targets/demo-directory/accounts/X100", "auditor", null))
                        .at("/actual/disabled").asBoolean()).isTrue());
        assertThat(json(send("GET", identity, "/api/v1/workers/X100/history", "auditor", null)).path("events").findValuesAsText("kind"))
                .contains("LIFECYCLE", "ACCESS");
    }

    static long storedEventsMentioning(String text) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), "accessledger", "");
             java.sql.PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM domainevententry WHERE position(convert_to(?, 'UTF8') IN payload) > 0")) {
            query.setString(1, text);
            try (java.sql.ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    static int startService(String name) throws IOException {
        int port = PrometheusScrapeTest.freePort();
        Path jar = ExternalTool.repositoryRoot().resolve(name).resolve("target").resolve(name + ".jar");
        assertThat(jar).as("built by the package phase of " + name).exists();
        Path data = Files.createDirectories(directory.resolve(name));
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString(), "--spring.profiles.active=postgres",
                "--server.address=127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile());
        builder.environment().putAll(java.util.Map.of("SERVER_PORT", String.valueOf(port), "ACCESSLEDGER_DATA_DIR", data.toString(),
                "ACCESSLEDGER_POSTGRES_URL", postgres.jdbcUrl(), "ACCESSLEDGER_POSTGRES_USER", "accessledger",
                "ACCESSLEDGER_HR_PASSWORD", RunningApp.HR_PASSWORD, "ACCESSLEDGER_AUDITOR_PASSWORD", RunningApp.AUDITOR_PASSWORD,
                "ACCESSLEDGER_ADMIN_PASSWORD", RunningApp.ADMIN_PASSWORD));
        // One key directory and master key for all three, as their events carry sealed personal data.
        builder.environment().putAll(java.util.Map.of("ACCESSLEDGER_PRIVACY_ENABLED", "true",
                "ACCESSLEDGER_PRIVACY_KEYDIR", directory.resolve("personal-data-keys").toString(), "ACCESSLEDGER_PRIVACY_MASTERKEY", MASTER_KEY));
        services.add(builder.start());
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() ->
                assertThat(send("GET", port, "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200));
        return port;
    }

    static HttpResponse<String> send(String method, int port, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            String password = user.equals("hr") ? RunningApp.HR_PASSWORD : RunningApp.AUDITOR_PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return new ObjectMapper().readTree(response.body());
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
