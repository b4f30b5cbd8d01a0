package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.connector.testservers.Slapd;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A leaver's personal data erased by destroying their key: every view, history and export shows "[erased]" where
 * names, e-mail and free text were, the account leaves the directory, the access audit stays whole, the log still
 * verifies, and no file of the data directory holds the erased values.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataErasureStoryTest {

    static final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    static final String GIVEN = "Zebedee";
    static final String FAMILY = "Quixotefield";
    static final String EMAIL = "zebedee.quixotefield@example.com";
    static final String REASON = "relocated to Valparaiso";

    @TempDir
    static Path directory;
    static Slapd slapd;
    static LdapProbe ldap;
    static RunningApp app;
    static List<JsonNode> accessHistoryBefore;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(directory.resolve("slapd"));
        slapd = Slapd.start(directory.resolve("slapd"));
        ldap = new LdapProbe(slapd, TargetArguments.PEOPLE);
        app = RunningApp.start(directory.resolve("data"), clock, TargetArguments.all(List.of(TargetArguments.ldap("corp-ldap", slapd))));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        slapd.close();
    }

    @Test
    @Order(1)
    void aLeaverTerminatedLongerThanTheRetentionIsErasedWhileTheAccessAuditStays() throws Exception {
        accept(hire("er-1", "ER1", "2026-06-01", EMAIL).replace("\"Ada\"", "\"" + GIVEN + "\"").replace("\"Lovelace\"", "\"" + FAMILY + "\""));
        await().atMost(Duration.ofSeconds(20)).until(() -> ldap.account("ER1") != null);
        assertThat(ldap.account("ER1").getAttributeValue("mail")).isEqualTo(EMAIL);
        accept(terminate("er-2", "ER1", "2026-09-30").replace("resigned", REASON));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ldap.account("ER1").getAttributeValue("description")).isEqualTo("accessledger:disabled"));
        accessHistoryBefore = accessEntries("ER1");

        RunningApp.Response erased = app.send("POST", "/api/v1/workers/ER1/erasure", "application/json", "");

        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);
        assertThat(erased.body().get("terminatedAt").asText()).isEqualTo("2026-09-30T23:00:00Z");
        assertThat(erased.body().get("requestedBy").asText()).isEqualTo("admin");
        JsonNode view = app.asAuditor("/api/v1/workers/ER1").body();
        assertThat(view.get("givenName").asText()).isEqualTo("[erased]");
        assertThat(view.get("familyName").asText()).isEqualTo("[erased]");
        assertThat(view.get("email").asText()).isEqualTo("[erased]");
        assertThat(view.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(view.at("/assignment/department").asText()).isEqualTo("Finance");

        List<JsonNode> lifecycle = app.history("ER1", "LIFECYCLE");
        JsonNode hired = lifecycle.stream().filter(entry -> entry.get("event").asText().equals("WorkerHired")).findFirst().orElseThrow();
        assertThat(hired.at("/details/person/givenName").asText()).isEqualTo("[erased]");
        assertThat(hired.at("/details/person/email").asText()).isEqualTo("[erased]");
        assertThat(hired.get("effectiveAt").asText()).isEqualTo("2026-05-31T23:00:00Z");
        assertThat(lifecycle).anyMatch(entry -> entry.get("event").asText().equals("WorkerTerminated")
                && entry.at("/details/reason").asText().equals("[erased]"));
        assertThat(lifecycle.get(lifecycle.size() - 1).get("event").asText()).isEqualTo("PersonalDataErased");
        assertThat(accessEntries("ER1")).as("every grant and revocation with its reason and event id").isEqualTo(accessHistoryBefore);
        assertThat(app.asAuditor("/api/v1/workers/ER1/access?asOf=2026-07-01T00:00:00Z").body().get("items")).isNotEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> ldap.account("ER1") == null);
        assertThat(app.postHrEvents(rehire("er-3", "ER1", "2026-12-14", "er1@example.com")).body().at("/results/0/problem/code").asText())
                .isEqualTo("PERSONAL_DATA_ERASED");
        assertThat(app.send("POST", "/api/v1/workers/ER1/erasure", "application/json", "").body().get("code").asText()).isEqualTo("PERSONAL_DATA_ERASED");
    }

    @Test
    @Order(2)
    void aReplayAfterTheErasureRebuildsTheSameViewAndTheLogStillVerifies() {
        JsonNode before = app.asAuditor("/api/v1/workers/ER1").body();

        assertThat(app.send("POST", "/api/v1/admin/replay/worker-view", "application/json", "").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(app.asAuditor("/api/v1/workers/ER1").body()).isEqualTo(before));
        app.send("POST", "/api/v1/audit/checkpoints", "application/json", "");
        RunningApp.Response started = app.send("POST", "/api/v1/audit/verifications", "application/json", "");
        String id = started.body().get("verificationId").asText();
        JsonNode run = await().atMost(Duration.ofSeconds(30)).until(() -> app.asAuditor("/api/v1/audit/verifications/" + id).body(),
                verification -> !verification.get("status").asText().equals("RUNNING"));
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("PASSED");
    }

    @Test
    @Order(3)
    void erasureIsRefusedByNameWhileEmployedOrWithinTheRetentionAndOnlyAdminsMayAsk() {
        accept(hire("er-10", "ER2", "2026-11-02", "er2@example.com"));
        RunningApp.Response employed = app.send("POST", "/api/v1/workers/ER2/erasure", "application/json", "");
        assertThat(employed.status()).isEqualTo(409);
        assertThat(employed.body().get("code").asText()).isEqualTo("ERASURE_BEFORE_TERMINATION");

        accept(terminate("er-11", "ER2", "2026-12-04"));
        RunningApp.Response tooSoon = app.send("POST", "/api/v1/workers/ER2/erasure", "application/json", "");
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.body().get("code").asText()).isEqualTo("ERASURE_WITHIN_RETENTION");
        assertThat(tooSoon.body().get("detail").asText()).contains("allows erasure from 2027-01-04T00:00:00Z");
        assertThat(app.asAuditor("/api/v1/workers/ER2").body().get("givenName").asText()).isEqualTo("Ada");

        String auditor = "Basic " + Base64.getEncoder().encodeToString(("auditor:" + RunningApp.AUDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(app.withAuthorization("POST", "/api/v1/workers/ER2/erasure", auditor, "application/json", "").status()).isEqualTo(403);
        RunningApp.Response unknown = app.send("POST", "/api/v1/workers/NOBODY/erasure", "application/json", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("WORKER_NOT_FOUND");
    }

    @Test
    @Order(4)
    void noFileOfTheDataDirectoryHoldsTheErasedValuesNorDoesTheAuditExport() throws IOException {
        String export = app.getText("/api/v1/audit/events", "application/x-ndjson");
        assertThat(export).contains("PersonalDataErased").doesNotContain(GIVEN, FAMILY, EMAIL, REASON);
        app.close();
        app = null;

        assertThat(filesHolding(List.of(GIVEN, FAMILY, EMAIL, REASON))).isEmpty();
        assertThat(filesHolding(List.of("FIN-ANALYST"))).as("the scan reads what the stores wrote: the job code is no personal data")
                .anyMatch(found -> found.startsWith("events"));
        assertThat(directory.resolve("data/personal-data-keys/ER1+key")).doesNotExist();
        assertThat(directory.resolve("data/personal-data-keys/ER1+erased")).exists();
    }

    static List<String> filesHolding(List<String> values) throws IOException {
        List<String> holding = new ArrayList<>();
        Path data = directory.resolve("data");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                values.stream().filter(bytes::contains).forEach(value -> holding.add(data.relativize(file) + " holds " + value));
            }
        }
        return holding;
    }

    static void accept(String event) {
        RunningApp.Response response = app.postHrEvents(event);
        assertThat(response.body().at("/results/0/outcome").asText()).as(response.body().toString()).isEqualTo("ACCEPTED");
    }

    static List<JsonNode> accessEntries(String workerId) {
        return app.history(workerId, "ACCESS");
    }
}
