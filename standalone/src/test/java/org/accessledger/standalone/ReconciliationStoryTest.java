package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.accessledger.connector.testservers.ScimServer;
import org.accessledger.connector.testservers.Slapd;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.ArrayList;
import java.util.List;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the targets really hold, read back and compared with the desired state: drift made by hand in a real slapd
 * and a real SCIM server is found, recorded with its reason, and repaired, or only reported where the target says so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationStoryTest {

    static final String PEOPLE = TargetArguments.PEOPLE;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path directory;
    static Slapd slapd;
    static LdapProbe ldap;
    static ScimServer scim;
    static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(directory.resolve("slapd"));
        Files.createDirectories(directory.resolve("scim"));
        slapd = Slapd.start(directory.resolve("slapd"));
        ldap = new LdapProbe(slapd, PEOPLE);
        scim = ScimServer.start(directory.resolve("scim"));
        String saas = "--accessledger.targets.saas-scim.";
        List<String> scimTarget = List.of(saas + "type=scim", saas + "base-url=" + scim.baseUrl(), saas + "token=" + ScimServer.TOKEN,
                saas + "entitlements=crm:*,chat:*", saas + "reconciliation.mode=report", saas + "reconciliation.schedule=-");
        app = RunningApp.start(directory.resolve("data"), clock, TargetArguments.all(List.of(
                TargetArguments.ldap("corp-ldap", slapd, "page-size=2", "reconciliation.ignore=svc-*"), scimTarget,
                // Carries nothing, so only the reconciliation asks it anything.
                TargetArguments.ldap("down-ldap", "ldap://127.0.0.1:1", "entitlements=nothing:*", "retry.max-attempts=1"))));
    }

    @AfterAll
    static void stop() {
        app.close();
        scim.close();
        slapd.close();
    }

    @Test
    @Order(1)
    void driftMadeByHandIsFoundWithItsReasonAndRepaired() throws Exception {
        accept(batch(hireInto("r-1", "R1", "2026-12-01", "Sales", "SALES-REP", "CC-200"),
                hireInto("r-2", "R2", "2026-12-01", "Sales", "SALES-REP", "CC-200"),
                hireInto("r-3", "R3", "2026-12-01", "Sales", "SALES-REP", "CC-200"),
                hireInto("r-4", "R4", "2026-12-01", "Finance", "FIN-ANALYST", "CC-100"),
                hireInto("r-5", "R5", "2026-12-01", "Sales", "SALES-REP", "CC-200")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ldap.groups("R4")).contains("erp-user"));
        accept(terminate("r-6", "R5", "2026-12-05"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ldap.groups("R1")).containsExactlyInAnyOrder("chat-member", "crm-sales-rep", "email-mailbox", "hr-portal-self-service");
            assertThat(ldap.account("R5").getAttributeValue("description")).isEqualTo("accessledger:disabled");
            assertThat(ldap.groups("R5")).as("the leaver's revocations carried out too, before its account is enabled by hand").isEmpty();
            assertThat(app.asAuditor("/api/v1/targets").body().findValuesAsText("caughtUp")).containsOnly("true");
        });

        ldap.delete("R1");
        ldap.join("erp-user", "R2");
        ldap.replace("R3", "mail", "someone@else.example");
        ldap.modify(ldap.dnOf("R5"), new Modification(ModificationType.DELETE, "description"));
        ldap.addPerson("X900");
        ldap.addPerson("svc-backup");
        ldap.join("erp-user", "svc-backup");

        JsonNode run = reconcile("corp-ldap");
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("accountsRead").asLong()).as("R2-R5, X900 and svc-backup, read two at a time").isEqualTo(6);
        assertThat(run.get("findings")).isEqualTo(JSON.readTree("""
                {"MISSING_ACCOUNT":1,"ORPHAN_ACCOUNT":1,"ACCOUNT_NOT_DISABLED":1,"MISSING_ENTITLEMENT":0,"EXTRA_ENTITLEMENT":1,"ATTRIBUTE_DRIFT":1,"DUPLICATE_GROUP":0}"""));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(drift("corp-ldap", "")).extracting(finding -> finding.get("action").asText())
                .containsExactlyInAnyOrder("REPAIRED", "REPAIRED", "REPAIRED", "REPAIRED", "REPORTED"));
        JsonNode extra = drift("corp-ldap", "?kind=EXTRA_ENTITLEMENT").get(0);
        assertThat(List.of(extra.get("workerId").asText(), extra.get("subject").asText(), extra.get("expected").asText(), extra.get("actual").asText()))
                .containsExactly("R2", "erp:user", "not held", "held");
        JsonNode missing = drift("corp-ldap", "?workerId=R1").get(0);
        assertThat(missing.get("kind").asText()).isEqualTo("MISSING_ACCOUNT");
        assertThat(missing.get("reason").asText()).startsWith("AccessGranted of HR event r-1, rule ");
        assertThat(drift("corp-ldap", "?kind=ACCOUNT_NOT_DISABLED").get(0).get("reason").asText()).isEqualTo("WorkerTerminated of HR event r-6");
        JsonNode changedMail = drift("corp-ldap", "?kind=ATTRIBUTE_DRIFT").get(0);
        assertThat(List.of(changedMail.get("subject").asText(), changedMail.get("expected").asText(), changedMail.get("actual").asText()))
                .containsExactly("email", "r3@example.com", "someone@else.example");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ldap.groups("R1")).as("created again with every entitlement it should have")
                    .containsExactlyInAnyOrder("chat-member", "crm-sales-rep", "email-mailbox", "hr-portal-self-service");
            assertThat(ldap.groups("R2")).doesNotContain("erp-user");
            assertThat(ldap.account("R3").getAttributeValue("mail")).isEqualTo("r3@example.com");
            assertThat(ldap.account("R5").getAttributeValue("description")).isEqualTo("accessledger:disabled");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(app.history("R2", "PROVISIONING"))
                .as("the finding and its repair are in the worker's history")
                .extracting(entry -> entry.get("event").asText() + " " + entry.at("/details/kind").asText(entry.at("/details/outcome").asText()))
                .contains("DriftFound EXTRA_ENTITLEMENT", "DriftRepaired REPAIRED"));
        assertThat(ldap.account("X900")).as("an orphan is reported and left alone").isNotNull();
        assertThat(ldap.groups("svc-backup")).as("an ignored account is not touched").containsExactly("erp-user");
        assertThat(app.get("/actuator/prometheus", null, null).body().asText())
                .contains("accessledger_drift_findings{kind=\"EXTRA_ENTITLEMENT\",target=\"corp-ldap\"} 1.0")
                .containsPattern("accessledger_reconciliation_last_success_timestamp_seconds\\{target=\"corp-ldap\"} 1\\.\\d+E9");
    }

    @Test
    @Order(2)
    void reconcilingAgainFindsNothingButTheOrphanLeftAlone() throws Exception {
        JsonNode run = reconcile("corp-ldap");

        assertThat(run.get("findings")).isEqualTo(JSON.readTree("""
                {"MISSING_ACCOUNT":0,"ORPHAN_ACCOUNT":1,"ACCOUNT_NOT_DISABLED":0,"MISSING_ENTITLEMENT":0,"EXTRA_ENTITLEMENT":0,"ATTRIBUTE_DRIFT":0,"DUPLICATE_GROUP":0}"""));
        assertThat(run.get("remediated").asLong()).isZero();
    }

    @Test
    @Order(3)
    void aReportModeTargetRecordsDriftAndChangesNothing() throws Exception {
        String userId = scimUserId("R2");
        String group = scimGet("/Groups?filter=" + URLEncoder.encode("displayName eq \"crm-sales-rep\"", StandardCharsets.UTF_8)).at("/Resources/0/id").asText();
        scimPatch("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}"""
                .formatted(userId));

        scimSend(HttpRequest.newBuilder(URI.create(scim.baseUrl() + "/Groups")).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"chat-member-copy","externalId":"chat:member"}""")));

        JsonNode run = reconcile("saas-scim");

        assertThat(run.at("/findings/MISSING_ENTITLEMENT").asLong()).isEqualTo(1);
        assertThat(run.at("/findings/DUPLICATE_GROUP").asLong()).as("a second group made by hand for chat:member").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(drift("saas-scim", "?kind=DUPLICATE_GROUP"))
                .extracting(finding -> finding.get("subject").asText() + " " + finding.get("action").asText()).containsExactly("chat:member REPORTED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(drift("saas-scim", "?workerId=R2"))
                .extracting(finding -> finding.get("subject").asText() + " " + finding.get("action").asText()).containsExactly("crm:sales-rep REPORTED"));
        Thread.sleep(500); // a repair, were one sent, would have reached the server by now
        assertThat(scimGet("/Groups/" + group).path("members").findValuesAsText("value")).doesNotContain(userId);
    }

    @Test
    @Order(4)
    void anUnreachableTargetAnswers503AndBadQueriesNameTheField() {
        RunningApp.Response unreachable = app.send("POST", "/api/v1/targets/down-ldap/reconciliations", "application/json", "");
        assertThat(unreachable.status()).isEqualTo(503);
        assertThat(unreachable.contentType()).startsWith("application/problem+json");
        assertThat(unreachable.body().get("code").asText()).isEqualTo("TARGET_UNAVAILABLE");

        RunningApp.Response badKind = app.asAuditor("/api/v1/targets/corp-ldap/drift?kind=GONE");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().at("/errors/0/field").asText()).isEqualTo("kind");
        assertThat(app.asAuditor("/api/v1/targets/corp-ldap/reconciliations/no-such-run").status()).isEqualTo(404);
        assertThat(app.send("POST", "/api/v1/targets/nowhere/reconciliations", "application/json", "").status()).isEqualTo(404);
        assertThat(app.get("/api/v1/targets/corp-ldap/drift", "hr", RunningApp.HR_PASSWORD).status()).as("auditors read drift, HR adapters do not").isEqualTo(403);
    }

    /** Starts a run and waits for it to end; answers the run. */
    static JsonNode reconcile(String target) {
        RunningApp.Response started = app.send("POST", "/api/v1/targets/" + target + "/reconciliations", "application/json", "");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String id = started.body().get("reconciliationId").asText();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/targets/" + target + "/reconciliations/" + id);
        List<JsonNode> ended = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode run = app.asAuditor("/api/v1/targets/" + target + "/reconciliations/" + id).body();
            assertThat(run.get("status").asText()).isNotEqualTo("RUNNING");
            ended.add(run);
        });
        return ended.get(ended.size() - 1);
    }

    static List<JsonNode> drift(String target, String query) {
        List<JsonNode> findings = new ArrayList<>();
        app.asAuditor("/api/v1/targets/" + target + "/drift" + query).body().get("findings").forEach(findings::add);
        return findings;
    }

    static void accept(String events) {
        RunningApp.Response response = app.postHrEvents(events);
        assertThat(response.body().findValuesAsText("outcome")).as(response.body().toString()).containsOnly("ACCEPTED");
    }

    static String scimUserId(String workerId) throws Exception {
        return scimGet("/Users?filter=" + URLEncoder.encode("userName eq \"" + workerId + "\"", StandardCharsets.UTF_8)).at("/Resources/0/id").asText();
    }

    static JsonNode scimGet(String path) throws Exception {
        return JSON.readTree(scimSend(HttpRequest.newBuilder(URI.create(scim.baseUrl() + path)).GET()));
    }

    static void scimPatch(String path, String body) throws Exception {
        scimSend(HttpRequest.newBuilder(URI.create(scim.baseUrl() + path)).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String scimSend(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + ScimServer.TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
