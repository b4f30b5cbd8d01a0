package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What-if for the access policy: a mistaken version is caught by the publication guard and shown by a simulation
 * before anyone loses access; published once confirmed by that simulation; a correct one passes the guard at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyWhatIfStoryTest {

    static final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    static final List<String> FINANCE = IntStream.range(0, 5).mapToObj(i -> "WF" + i).toList();
    @TempDir
    static Path dataDir;
    static RunningApp app;
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static String published;
    static String mistaken;

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, clock, "--accessledger.policy.publish-guard.max-revocations=3");
        await().until(() -> app.asAuditor("/api/v1/policy").status() == 200);
        FINANCE.forEach(worker -> accept(hireInto("wi-" + worker, worker, "2026-11-02", "Finance", "FIN-ANALYST", "CC-100")));
        FINANCE.forEach(worker -> await().atMost(Duration.ofSeconds(10)).until(() -> heldBy(worker).contains("erp:user")));
        published = app.getText("/api/v1/policy", "application/yaml");
        mistaken = published.replace("department: { equals: Finance }", "department: { equals: Fnance }");
        assertThat(mistaken).isNotEqualTo(published);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void aMistakenVersionIsRefusedByTheGuardWithItsImpactAndNobodyLosesAccess() {
        RunningApp.Response refused = app.send("PUT", "/api/v1/policy", "application/yaml", mistaken);

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("POLICY_CHANGE_NEEDS_CONFIRMATION");
        assertThat(refused.body().at("/impact/revocations").asInt()).isEqualTo(10);
        assertThat(refused.body().at("/impact/workersLosing").asInt()).isEqualTo(5);
        assertThat(refused.body().at("/impact/entitlements/erp:user/lose").asInt()).isEqualTo(5);
        assertThat(app.asAuditor("/api/v1/policy").body().get("version").asInt()).isEqualTo(1);
        assertThat(heldBy("WF0")).contains("erp:user", "payroll:viewer");
        awaitInTheAuditLog("PolicyPublicationRefused");
    }

    @Test
    @Order(2)
    void aSimulationShowsEveryLossWithItsRuleAndConfirmsThePublication() {
        String simulationId = simulate(mistaken);
        JsonNode finished = finished(simulationId);

        assertThat(finished.at("/summary/workersEvaluated").asInt()).isEqualTo(5);
        assertThat(finished.at("/summary/entitlements/payroll:viewer/lose").asInt()).isEqualTo(5);
        assertThat(finished.at("/summary/publishGuardTrips").asBoolean()).isTrue();
        assertThat(finished.get("basedOnPolicyVersion").asInt()).isEqualTo(1);
        JsonNode page = app.asAuditor("/api/v1/policy/simulations/" + simulationId + "/changes?entitlement=erp:user&size=2&page=1").body();
        assertThat(page.get("total").asInt()).isEqualTo(5);
        assertThat(page.get("changes")).hasSize(2);
        assertThat(page.at("/changes/0/change").asText()).isEqualTo("LOSS");
        assertThat(page.at("/changes/0/ruleId").asText()).isEqualTo("finance-department");
        String csv = app.getText("/api/v1/policy/simulations/" + simulationId + "/changes?workerId=WF3", "text/csv");
        assertThat(csv.lines()).containsExactlyInAnyOrder("workerId,entitlement,change,ruleId",
                "WF3,erp:user,LOSS,finance-department", "WF3,payroll:viewer,LOSS,finance-department");
        assertThat(heldBy("WF3")).as("a simulation changes no access").contains("erp:user");

        String other = simulate(mistaken.replace("name: Example Corp access policy", "name: Another"));
        finished(other);
        RunningApp.Response wrongConfirmation = app.send("PUT", "/api/v1/policy?confirmSimulation=" + other, "application/yaml", mistaken);
        assertThat(wrongConfirmation.status()).isEqualTo(400);
        assertThat(wrongConfirmation.body().at("/errors/0/field").asText()).isEqualTo("confirmSimulation");

        RunningApp.Response confirmed = app.send("PUT", "/api/v1/policy?confirmSimulation=" + simulationId, "application/yaml", mistaken);

        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.body().get("created").asBoolean()).isTrue();
        FINANCE.forEach(worker -> await().atMost(Duration.ofSeconds(10)).until(() -> !heldBy(worker).contains("erp:user")));
        awaitInTheAuditLog("PolicySimulated");
        awaitInTheAuditLog("PolicyPublicationConfirmed");
        JsonNode diff = app.asAuditor("/api/v1/policy/versions/1/diff/2").body();
        assertThat(diff.at("/changes/rules/0/ruleId").asText()).isEqualTo("finance-department");
        assertThat(diff.at("/changes/rules/0/change").asText()).isEqualTo("CHANGED");
        assertThat(diff.at("/changes/rules/0/conditionsAfter/0").asText()).isEqualTo("department equals [Fnance]");
        assertThat(diff.at("/changes/entitlements").findValuesAsText("entitlement")).contains("erp:user", "payroll:viewer");
        assertThat(app.asAuditor("/api/v1/policy/versions/1/diff/9").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aSimulationOfThePublishedVersionFindsNothingToChangeAndACorrectVersionPassesTheGuard() {
        String current = app.getText("/api/v1/policy", "application/yaml");
        JsonNode same = finished(simulate(current));
        assertThat(same.at("/summary/grants").asInt() + same.at("/summary/revocations").asInt()).as("the live read model agrees").isZero();
        assertThat(app.asAuditor("/api/v1/policy/simulations/" + same.get("simulationId").asText() + "/changes").body().get("total").asInt()).isZero();

        String corrected = current.replace("department: { equals: Fnance }", "department: { equals: Finance }");
        String first = simulate(corrected);
        String second = simulate(corrected);
        assertThat(finished(first).at("/summary/grants").asInt()).isEqualTo(10);
        assertThat(finished(second).at("/summary/revocations").asInt()).isZero();

        RunningApp.Response publishedAgain = app.send("PUT", "/api/v1/policy", "application/yaml", corrected);
        assertThat(publishedAgain.status()).as(publishedAgain.body().toString()).isEqualTo(200);
        FINANCE.forEach(worker -> await().atMost(Duration.ofSeconds(10)).until(() -> heldBy(worker).contains("erp:user")));
    }

    @Test
    @Order(4)
    void badCandidatesAndUnknownSimulationsAreRefusedByName() {
        RunningApp.Response invalid = app.send("POST", "/api/v1/policy/simulations", "application/yaml",
                "rules: [{id: everyone, entitlements: [nowhere:nothing]}]");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("code").asText()).isEqualTo("INVALID_POLICY");
        assertThat(invalid.body().get("errors")).isNotEmpty();
        RunningApp.Response past = app.send("POST", "/api/v1/policy/simulations?asOf=2026-01-01T00:00:00Z", "application/yaml", published);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().at("/errors/0/field").asText()).isEqualTo("asOf");
        RunningApp.Response unknown = app.asAuditor("/api/v1/policy/simulations/no-such-simulation");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("NO_SUCH_SIMULATION");
        String auditor = "Basic " + Base64.getEncoder().encodeToString(("auditor:" + RunningApp.AUDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(app.withAuthorization("POST", "/api/v1/policy/simulations", auditor, "application/yaml", published).status()).isEqualTo(403);
        assertThat(app.asAuditor("/api/v1/policy/simulations/x/changes?size=0").status()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void aSimulationPastItsRetentionIsDiscardedWhileItsEventStays() {
        String simulationId = simulate(published);
        finished(simulationId);

        clock.advance(Duration.ofHours(25));

        RunningApp.Response discarded = app.asAuditor("/api/v1/policy/simulations/" + simulationId);
        assertThat(discarded.status()).isEqualTo(404);
        assertThat(discarded.body().get("code").asText()).isEqualTo("NO_SUCH_SIMULATION");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.getText("/api/v1/audit/events", "application/x-ndjson").lines()
                .filter(line -> line.contains("simulation.PolicySimulated"))
                .map(PolicyWhatIfStoryTest::payloadOf).anyMatch(payload -> payload.contains(simulationId)));
    }

    /** An exported event's payload, which the export carries in base64. */
    static String payloadOf(String exportedEvent) {
        try {
            return new String(JSON.readTree(exportedEvent).get("payload").binaryValue(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An event is in the export once the audit log has taken it, a poll after it was stored. */
    static void awaitInTheAuditLog(String eventType) {
        await().atMost(Duration.ofSeconds(10)).until(() -> app.getText("/api/v1/audit/events", "application/x-ndjson").contains(eventType));
    }

    static String simulate(String document) {
        RunningApp.Response started = app.send("POST", "/api/v1/policy/simulations", "application/yaml", document);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        return started.body().get("simulationId").asText();
    }

    static JsonNode finished(String simulationId) {
        JsonNode simulation = await().atMost(Duration.ofSeconds(20)).until(() -> app.asAuditor("/api/v1/policy/simulations/" + simulationId).body(),
                view -> !view.get("status").asText().equals("RUNNING"));
        assertThat(simulation.get("status").asText()).as(simulation.toString()).isEqualTo("FINISHED");
        return simulation;
    }

    static List<String> heldBy(String workerId) {
        RunningApp.Response access = app.asAuditor("/api/v1/workers/" + workerId + "/access");
        return access.status() != 200 ? List.of() : access.body().path("items").findValuesAsText("entitlement");
    }

    static void accept(String event) {
        RunningApp.Response response = app.postHrEvents(event);
        assertThat(response.body().at("/results/0/outcome").asText()).as(response.body().toString()).isEqualTo("ACCEPTED");
    }
}
