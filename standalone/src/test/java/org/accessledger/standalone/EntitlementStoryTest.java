package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Access decisions and their reasons through the HTTP API, step by step through a worker's life. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntitlementStoryTest {

    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    @TempDir
    static Path dataDir;
    static RunningApp app;
    static long storyPolicyVersion;

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, clock);
        await().until(() -> app.asAuditor("/api/v1/policy").status() == 200);
        RunningApp.Response published = app.send("PUT", "/api/v1/policy", "application/yaml", resource("/policy/story-policy.yaml"));
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        storyPolicyVersion = published.body().get("version").asLong();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void exampleThenStoryPolicyArePublishedVersions() {
        assertThat(storyPolicyVersion).isEqualTo(2);
        JsonNode policy = app.asAuditor("/api/v1/policy").body();
        assertThat(policy.get("version").asLong()).isEqualTo(2);
        assertThat(policy.get("hash").asText()).hasSize(64);
        assertThat(policy.get("publishedBy").asText()).isEqualTo("admin");
        assertThat(app.asAuditor("/api/v1/policy?version=1").body().get("document").asText()).contains("Example Corp");
        RunningApp.Response again = app.send("PUT", "/api/v1/policy", "application/yaml", resource("/policy/story-policy.yaml"));
        assertThat(again.body().get("created").asBoolean()).isFalse();
        assertThat(again.body().get("version").asLong()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void invalidPolicyIsRefusedWithThePathOfTheFault() {
        RunningApp.Response refused = app.send("PUT", "/api/v1/policy", "application/yaml",
                "applications: [{id: mail, entitlements: [{id: box}]}]\nrules: [{id: r, entitlements: [mail:nope]}]\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asText()).isEqualTo("INVALID_POLICY");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("rules[0].entitlements[0]");
        assertThat(app.asAuditor("/api/v1/policy").body().get("version").asLong()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void wholeLifeOfAWorkerWithReasonsAndExactPointInTimeAnswers() {
        accept(hireInto("e-1", "A100", "2026-12-01", "Finance", "FIN-1", "CC-100"));
        await().until(() -> worker("A100").path("status").asText().equals("PRE_HIRE"));
        assertThat(entitlements("A100")).isEmpty();

        clock.set(Instant.parse("2026-12-01T00:00:01Z"));
        Map<String, JsonNode> started = awaitAccess("A100", "erp:user", "mail:box", "vpn:user");
        JsonNode erp = started.get("erp:user");
        assertThat(erp.get("status").asText()).isEqualTo("GRANTED");
        assertThat(erp.get("since").asText()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(erp.at("/reason/ruleId").asText()).isEqualTo("finance");
        assertThat(erp.at("/reason/policyVersion").asLong()).isEqualTo(2);
        assertThat(erp.at("/reason/hrEventId").asText()).isEqualTo("e-1");
        assertThat(erp.at("/reason/causeEventId").asText()).isNotBlank();

        clock.set(Instant.parse("2027-01-10T09:00:00Z"));
        accept(changeAssignment("e-2", "A100", "2027-01-10", "{\"department\":\"Sales\"}"));
        Map<String, JsonNode> moved = awaitAccess("A100", "crm:rep", "mail:box", "vpn:user");
        assertThat(moved.get("crm:rep").at("/reason/ruleId").asText()).isEqualTo("sales");
        assertThat(moved.get("crm:rep").get("since").asText()).isEqualTo("2027-01-10T00:00:00Z");

        clock.set(Instant.parse("2027-02-01T09:00:00Z"));
        accept(dated("LEAVE_START", "e-3", "A100", "2027-02-01"));
        await().untilAsserted(() -> assertThat(access("A100").get("vpn:user").get("status").asText()).isEqualTo("SUSPENDED"));
        assertThat(access("A100").get("vpn:user").at("/reason/ruleId").asText()).isEqualTo("leave");
        accept(dated("LEAVE_END", "e-4", "A100", "2027-03-01"));
        clock.set(Instant.parse("2027-03-01T00:00:01Z"));
        await().untilAsserted(() -> assertThat(access("A100").get("vpn:user").get("status").asText()).isEqualTo("GRANTED"));

        accept(terminate("e-5", "A100", "2027-03-31"));
        clock.set(Instant.parse("2027-04-01T00:00:00Z"));
        awaitAccess("A100");
        JsonNode history = app.asAuditor("/api/v1/workers/A100/history").body().get("events");
        List<String> revocations = new ArrayList<>();
        history.forEach(event -> {
            if (event.get("event").asText().equals("AccessRevoked") && "e-5".equals(event.path("hrEventId").asText())) {
                revocations.add(event.at("/details/entitlement").asText() + "/" + event.at("/details/reason/ruleId").asText());
            }
        });
        assertThat(revocations).containsExactlyInAnyOrder("crm:rep/termination", "mail:box/termination", "vpn:user/termination");

        accept(rehire("e-6", "A100", "2027-05-03", "a100@example.com"));
        clock.set(Instant.parse("2027-05-03T00:00:00Z"));
        awaitAccess("A100", "erp:user", "mail:box", "vpn:user");

        assertThat(asOf("A100", "2026-12-15T12:00:00Z")).containsOnlyKeys("erp:user", "mail:box", "vpn:user");
        assertThat(asOf("A100", "2027-01-20T12:00:00Z")).containsOnlyKeys("crm:rep", "mail:box", "vpn:user");
        assertThat(asOf("A100", "2027-02-10T12:00:00Z").get("vpn:user").get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(asOf("A100", "2027-04-15T12:00:00Z")).isEmpty();
        assertThat(asOf("A100", "2026-11-30T12:00:00Z")).isEmpty();
    }

    @Test
    @Order(4)
    void policyChangeReevaluatesOnlyTheAffectedWorkers() {
        accept(hireInto("p-1", "B100", "2026-11-02", "Finance", "FIN-1", "CC-100"));
        accept(hireInto("p-2", "B200", "2026-11-02", "Legal", "LEGAL-1", "CC-300"));
        awaitAccess("B100", "erp:user", "mail:box", "vpn:user");
        awaitAccess("B200", "mail:box", "vpn:user");
        int legalEventsBefore = accessEventCount("B200");

        String legalLibraryForFinance = resource("/policy/story-policy.yaml")
                .replace("entitlements: [erp:user]}", "entitlements: [erp:user, legal:library]}");
        RunningApp.Response published = app.send("PUT", "/api/v1/policy", "application/yaml", legalLibraryForFinance);
        long version = published.body().get("version").asLong();

        Map<String, JsonNode> finance = awaitAccess("B100", "erp:user", "legal:library", "mail:box", "vpn:user");
        assertThat(finance.get("legal:library").at("/reason/policyVersion").asLong()).isEqualTo(version);
        assertThat(finance.get("legal:library").at("/reason/ruleId").asText()).isEqualTo("finance");
        assertThat(accessEventCount("B200")).isEqualTo(legalEventsBefore);
        app.send("PUT", "/api/v1/policy", "application/yaml", resource("/policy/story-policy.yaml"));
        awaitAccess("B100", "erp:user", "mail:box", "vpn:user");
    }

    @Test
    @Order(5)
    void segregationOfDutiesConflictIsBlockedAndVisible() {
        accept(hireInto("s-1", "C100", "2026-11-02", "Finance", "PAYROLL", "CC-100"));
        awaitAccess("C100", "erp:user", "mail:box", "payroll:admin", "vpn:user");
        accept(changeAssignment("s-2", "C100", "2027-05-03", "{\"costCenter\":\"TRE-7\"}"));

        await().untilAsserted(() -> assertThat(app.asAuditor("/api/v1/workers/C100/access").body().get("conflicts")).hasSize(1));
        JsonNode conflict = app.asAuditor("/api/v1/workers/C100/access").body().at("/conflicts/0");
        assertThat(conflict.get("entitlement").asText()).isEqualTo("erp:approver");
        assertThat(conflict.get("conflictsWith").asText()).isEqualTo("payroll:admin");
        assertThat(conflict.at("/reason/ruleId").asText()).isEqualTo("pay-vs-approve");
        assertThat(entitlements("C100")).doesNotContain("erp:approver");
        assertThat(app.asAuditor("/api/v1/approvals").body().findValuesAsText("workerId")).doesNotContain("C100");
    }

    @Test
    @Order(6)
    void oneApprovalApprovedAndOneRejected() {
        accept(hireInto("a-1", "D100", "2026-11-02", "Finance", "FIN-2", "TRE-1"));
        accept(hireInto("a-2", "D200", "2026-11-02", "Finance", "FIN-2", "TRE-2"));
        await().untilAsserted(() -> assertThat(pendingFor("D100")).isNotNull());
        await().untilAsserted(() -> assertThat(pendingFor("D200")).isNotNull());
        assertThat(access("D100").get("erp:approver").get("status").asText()).isEqualTo("PENDING_APPROVAL");

        RunningApp.Response approved = app.send("POST", "/api/v1/approvals/" + pendingFor("D100").get("approvalId").asText() + "/decision",
                "application/json", "{\"decision\":\"APPROVE\",\"comment\":\"treasury lead\"}");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        String rejectedId = pendingFor("D200").get("approvalId").asText();
        app.send("POST", "/api/v1/approvals/" + rejectedId + "/decision", "application/json", "{\"decision\":\"REJECT\",\"comment\":\"not needed\"}");

        await().untilAsserted(() -> assertThat(access("D100").get("erp:approver").get("status").asText()).isEqualTo("GRANTED"));
        JsonNode grant = access("D100").get("erp:approver");
        assertThat(grant.at("/reason/approver").asText()).isEqualTo("admin");
        assertThat(grant.at("/reason/comment").asText()).isEqualTo("treasury lead");
        assertThat(grant.at("/reason/ruleId").asText()).isEqualTo("treasury");
        await().untilAsserted(() -> assertThat(entitlements("D200")).doesNotContain("erp:approver"));
        JsonNode rejected = app.asAuditor("/api/v1/approvals?status=REJECTED").body();
        assertThat(rejected.findValuesAsText("approvalId")).contains(rejectedId);
        RunningApp.Response twice = app.send("POST", "/api/v1/approvals/" + rejectedId + "/decision", "application/json", "{\"decision\":\"APPROVE\"}");
        assertThat(twice.status()).isEqualTo(404);
        assertThat(twice.body().get("code").asText()).isEqualTo("NO_SUCH_APPROVAL");
    }

    @Test
    @Order(7)
    void holdersListWhoHoldsAnEntitlementAndWhy() {
        await().untilAsserted(() -> {
            JsonNode holders = app.asAuditor("/api/v1/entitlements/erp:user/holders").body().get("holders");
            List<String> workers = holders.findValuesAsText("workerId");
            assertThat(workers).contains("A100", "B100", "C100").doesNotContain("B200");
            holders.forEach(holder -> assertThat(holder.at("/reason/ruleId").asText()).isEqualTo("finance"));
        });
    }

    @Test
    @Order(8)
    void rebuiltReadModelsAreIdenticalToTheLiveOnes() {
        Map<String, String> collections = Map.of("access-current", "access_current", "entitlement-holders", "entitlement_holders",
                "approvals", "approvals");
        MongoDatabase readModels = app.bean(MongoDatabase.class);
        for (String projection : List.of("access-current", "entitlement-holders", "approvals")) {
            Map<String, String> before = snapshot();
            readModels.getCollection(collections.get(projection)).deleteMany(new Document());
            assertThat(snapshot()).as("the read model was emptied by hand").isNotEqualTo(before);
            RunningApp.Response replay = app.send("POST", "/api/v1/admin/replay/" + projection, "application/json", "");
            assertThat(replay.status()).as(projection).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(snapshot()).isEqualTo(before));
        }
        assertThat(app.send("POST", "/api/v1/admin/replay/access-decisions", "application/json", "").status()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void accessChangesExportAsCsvAndNdjson() throws IOException {
        String range = "?from=2026-12-01T00:00:00Z&to=2027-01-11T00:00:00Z";
        String csv = app.getText("/api/v1/audit/access-changes" + range, "text/csv");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("effectiveAt,recordedAt,workerId,entitlement,change,ruleId,policyVersion");
        assertThat(lines).anyMatch(line -> line.contains("A100,erp:user,GRANTED,finance,2"));
        assertThat(lines).anyMatch(line -> line.contains("A100,erp:user,REVOKED,finance,2"));
        String ndjson = app.getText("/api/v1/audit/access-changes" + range, "application/x-ndjson");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : ndjson.lines().filter(line -> !line.isBlank()).toList()) {
            rows.add(json.readTree(line));
        }
        assertThat(rows).hasSize(lines.size() - 1);
        assertThat(rows).allMatch(row -> row.get("effectiveAt").asText().compareTo("2026-12-01") >= 0);
        assertThat(app.asAuditor("/api/v1/audit/access-changes?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").status()).isEqualTo(400);
    }

    static Map<String, String> snapshot() {
        Map<String, String> state = new TreeMap<>();
        for (String worker : List.of("A100", "B100", "B200", "C100", "D100", "D200")) {
            JsonNode view = app.asAuditor("/api/v1/workers/" + worker + "/access").body();
            ((com.fasterxml.jackson.databind.node.ObjectNode) view).remove("asOf");
            state.put(worker, view.toString());
        }
        for (String entitlement : List.of("erp:user", "mail:box", "vpn:user", "erp:approver", "payroll:admin")) {
            JsonNode holders = app.asAuditor("/api/v1/entitlements/" + entitlement + "/holders").body().get("holders");
            state.put(entitlement, holders.toString());
        }
        state.put("approvals", app.asAuditor("/api/v1/approvals?status=PENDING").body().toString()
                + app.asAuditor("/api/v1/approvals?status=APPROVED").body() + app.asAuditor("/api/v1/approvals?status=REJECTED").body());
        return state;
    }

    static void accept(String event) {
        RunningApp.Response response = app.postHrEvents(event);
        assertThat(response.body().at("/results/0/outcome").asText()).as(response.body().toString()).isEqualTo("ACCEPTED");
    }

    static JsonNode worker(String workerId) {
        return app.asAuditor("/api/v1/workers/" + workerId).body();
    }

    static Map<String, JsonNode> access(String workerId) {
        return items(app.asAuditor("/api/v1/workers/" + workerId + "/access").body());
    }

    static Map<String, JsonNode> asOf(String workerId, String instant) {
        RunningApp.Response response = app.asAuditor("/api/v1/workers/" + workerId + "/access?asOf=" + instant);
        return response.status() == 404 ? Map.of() : items(response.body());
    }

    static List<String> entitlements(String workerId) {
        return new ArrayList<>(access(workerId).keySet());
    }

    static Map<String, JsonNode> awaitAccess(String workerId, String... entitlements) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(access(workerId).keySet()).containsExactlyInAnyOrder(entitlements));
        return access(workerId);
    }

    static int accessEventCount(String workerId) {
        return app.history(workerId, "ACCESS").size();
    }

    static JsonNode pendingFor(String workerId) {
        for (JsonNode approval : app.asAuditor("/api/v1/approvals").body()) {
            if (approval.get("workerId").asText().equals(workerId)) {
                return approval;
            }
        }
        return null;
    }

    private static Map<String, JsonNode> items(JsonNode view) {
        Map<String, JsonNode> items = new TreeMap<>();
        view.path("items").forEach(item -> items.put(item.get("entitlement").asText(), item));
        return items;
    }

    static String resource(String path) {
        try (InputStream in = EntitlementStoryTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
