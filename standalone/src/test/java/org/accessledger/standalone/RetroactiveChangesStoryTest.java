package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

/**
 * Late, back-dated, corrected and rescinded HR events through the HTTP API: the current views and every point-in-time
 * answer tell one story, and the periods the corrections changed are recorded with the HR event that changed them.
 */
class RetroactiveChangesStoryTest {

    /** The workers work in London: a date's midnight is 23:00 UTC the day before in summer. */
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final MutableClock clock = new MutableClock(NOW);
    @TempDir
    static Path dataDir;
    static RunningApp app;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, clock, "--accessledger.hr.max-backdating=400d");
        await().until(() -> app.asAuditor("/api/v1/policy").status() == 200);
        app.publishPolicy("/policy/retroactive-policy.yaml");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aLateMoveBeforeAnEarlierOneChangesOnlyThePeriodItCovers() {
        accept(hireInto("lm-1", "R100", "2026-01-05", "Sales", "REP", "CC-1"));
        accept(move("lm-2", "R100", "2026-06-01", "Engineering"));
        awaitAccess("R100", "git:developer", "vpn:user");

        accept(move("lm-3", "R100", "2026-03-01", "Finance"));

        awaitHistory("R100", "AccessPeriodCorrected");
        assertThat(worker("R100").at("/assignment/department").asText()).isEqualTo("Engineering");
        assertThat(access("R100").keySet()).containsExactlyInAnyOrder("git:developer", "vpn:user");
        assertThat(asOf("R100", NOW.toString()).keySet()).containsExactlyInAnyOrder("git:developer", "vpn:user");
        assertThat(asOf("R100", "2026-04-01T12:00:00Z").keySet()).containsExactlyInAnyOrder("erp:user", "payroll:viewer", "vpn:user");
        assertThat(asOf("R100", "2026-02-01T12:00:00Z").keySet()).containsExactlyInAnyOrder("crm:rep", "vpn:user");
        assertThat(workerAsOf("R100", "2026-04-01T12:00:00Z").at("/assignment/department").asText()).isEqualTo("Finance");
        assertThat(workerAsOf("R100", "2026-07-01T12:00:00Z").at("/assignment/department").asText()).isEqualTo("Engineering");

        JsonNode april = app.asAuditor("/api/v1/workers/R100/access?asOf=2026-04-01T12:00:00Z").body();
        assertThat(april.at("/assignment/department").asText()).isEqualTo("Finance");
        Map<String, String> corrections = new TreeMap<>();
        april.get("corrections").forEach(period -> corrections.put(period.get("entitlement").asText(),
                period.get("correction").asText() + " " + period.get("from").asText() + ".." + period.get("until").asText()
                        + " by " + period.get("correctedBy").asText()));
        assertThat(corrections).containsExactlyInAnyOrderEntriesOf(Map.of(
                "crm:rep", "HELD_WITHOUT_JUSTIFICATION 2026-03-01T00:00:00Z..2026-05-31T23:00:00Z by lm-3",
                "erp:user", "MISSING 2026-03-01T00:00:00Z..2026-05-31T23:00:00Z by lm-3",
                "payroll:viewer", "MISSING 2026-03-01T00:00:00Z..2026-05-31T23:00:00Z by lm-3"));

        JsonNode correction = lifecycle("R100", "WorkerTimelineCorrected").get(0);
        assertThat(correction.get("effectiveAt").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(correction.at("/details/edit/kind").asText()).isEqualTo("LATE_CHANGE");
        assertThat(correction.at("/details/steps/1/assignment/department").asText()).isEqualTo("Engineering");
    }

    @Test
    void aRehireBeforeTheTerminationItFollowsIsRefusedAndNothingChanges() {
        accept(hireInto("rh-1", "R200", "2026-01-05", "Sales", "REP", "CC-1"));
        accept(terminate("rh-2", "R200", "2026-11-30"));
        awaitAccess("R200");

        JsonNode refused = app.postHrEvents(rehire("rh-3", "R200", "2026-03-01", "r200@example.com")).body().at("/results/0");

        assertThat(refused.get("outcome").asText()).as(refused.toString()).isEqualTo("REJECTED");
        assertThat(refused.at("/problem/code").asText()).isEqualTo("REHIRE_BEFORE_TERMINATION");
        assertThat(worker("R200").get("status").asText()).isEqualTo("TERMINATED");
        assertThat(worker("R200").get("employment").asInt()).isEqualTo(1);
        assertThat(asOf("R200", "2026-12-05T12:00:00Z")).isEmpty();
        assertThat(asOf("R200", "2026-06-01T12:00:00Z").keySet()).containsExactlyInAnyOrder("crm:rep", "vpn:user");
        assertThat(workerAsOf("R200", "2026-12-05T12:00:00Z").get("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void aTerminationBackDatedBeforeAMoveVoidsTheMoveAndRecordsWhatWasHeldTooLong() {
        accept(hireInto("bt-1", "R300", "2026-01-05", "Sales", "REP", "CC-1"));
        accept(move("bt-2", "R300", "2026-06-01", "Engineering"));
        awaitAccess("R300", "git:developer", "vpn:user");

        accept(terminate("bt-3", "R300", "2026-04-30"));

        awaitAccess("R300");
        assertThat(worker("R300").get("status").asText()).isEqualTo("TERMINATED");
        assertThat(workerAsOf("R300", "2026-07-01T00:00:00Z").get("status").asText()).isEqualTo("TERMINATED");
        assertThat(asOf("R300", "2026-07-01T00:00:00Z")).isEmpty();
        assertThat(asOf("R300", "2026-04-15T00:00:00Z").keySet()).containsExactlyInAnyOrder("crm:rep", "vpn:user");
        JsonNode correction = lifecycle("R300", "WorkerTimelineCorrected").get(0);
        assertThat(correction.at("/details/voided/0/hrEventId").asText()).isEqualTo("bt-2");
        List<String> periods = new ArrayList<>();
        app.history("R300", "ACCESS").forEach(entry -> {
            if (entry.get("event").asText().equals("AccessPeriodCorrected")) {
                periods.add(entry.at("/details/entitlement").asText() + " " + entry.at("/details/from").asText() + ".." + entry.at("/details/until").asText());
            }
        });
        assertThat(periods).containsExactlyInAnyOrder("crm:rep 2026-04-30T23:00:00Z..2026-05-31T23:00:00Z",
                "vpn:user 2026-04-30T23:00:00Z.." + NOW, "git:developer 2026-05-31T23:00:00Z.." + NOW);
    }

    @Test
    void aRescindedMoveTakesTheWorkerBackAndGrantsTheOldAccessNow() {
        accept(hireInto("rs-1", "R400", "2026-01-05", "Sales", "REP", "CC-1"));
        accept(move("rs-2", "R400", "2026-09-01", "Engineering"));
        awaitAccess("R400", "git:developer", "vpn:user");

        accept("{\"hrEventId\":\"rs-3\",\"type\":\"RESCIND\",\"workerId\":\"R400\",\"rescindsHrEventId\":\"rs-2\"}");

        Map<String, JsonNode> now = awaitAccess("R400", "crm:rep", "vpn:user");
        assertThat(now.get("crm:rep").get("since").asText()).isEqualTo(NOW.toString());
        assertThat(worker("R400").at("/assignment/department").asText()).isEqualTo("Sales");
        assertThat(asOf("R400", "2026-10-01T00:00:00Z").keySet()).containsExactlyInAnyOrder("crm:rep", "vpn:user");
        assertThat(lifecycle("R400", "WorkerTimelineCorrected").get(0).at("/details/edit/kind").asText()).isEqualTo("RESCIND");
    }

    @Test
    void aCorrectionMovesAnEarlierMoveToAnotherDate() {
        accept(hireInto("cr-1", "R500", "2026-01-05", "Sales", "REP", "CC-1"));
        accept(move("cr-2", "R500", "2026-10-01", "Finance"));
        awaitAccess("R500", "erp:user", "payroll:viewer", "vpn:user");

        accept("{\"hrEventId\":\"cr-3\",\"type\":\"CORRECTION\",\"workerId\":\"R500\",\"correctsHrEventId\":\"cr-2\",\"effectiveDate\":\"2026-08-01\"}");

        awaitHistory("R500", "AccessPeriodCorrected");
        assertThat(asOf("R500", "2026-09-01T00:00:00Z").keySet()).containsExactlyInAnyOrder("erp:user", "payroll:viewer", "vpn:user");
        assertThat(asOf("R500", "2026-07-01T00:00:00Z").keySet()).containsExactlyInAnyOrder("crm:rep", "vpn:user");
        assertThat(access("R500").keySet()).containsExactlyInAnyOrder("erp:user", "payroll:viewer", "vpn:user");
    }

    @Test
    void changesDatedFurtherBackThanTheHorizonOrBeforeTheHireAreRefusedByName() {
        accept(hireInto("hz-1", "R600", "2024-02-05", "Sales", "REP", "CC-1"));
        assertRejected(move("hz-2", "R600", "2025-06-01", "Finance"), "BACKDATED_TOO_FAR");
        accept(hireInto("hz-3", "R601", "2026-05-04", "Sales", "REP", "CC-1"));
        assertRejected(move("hz-4", "R601", "2026-04-01", "Finance"), "EFFECTIVE_BEFORE_HIRE");
        assertRejected("{\"hrEventId\":\"hz-5\",\"type\":\"RESCIND\",\"workerId\":\"R601\",\"rescindsHrEventId\":\"nope\"}", "NO_SUCH_HR_EVENT");
        assertThat(worker("R601").at("/assignment/department").asText()).isEqualTo("Sales");
    }

    @Test
    void aHireAndAMoveEffectiveAtTheSameInstantAnswerAsEachWasKnown() {
        accept(hireInto("sm-1", "R700", "2026-03-02", "Sales", "REP", "CC-1"));
        awaitAccess("R700", "crm:rep", "vpn:user");
        Instant hireKnown = lastRecorded("R700");

        accept(move("sm-2", "R700", "2026-03-02", "Finance"));

        awaitAccess("R700", "erp:user", "payroll:viewer", "vpn:user");
        String startOfWork = "2026-03-02T12:00:00Z";
        assertThat(asOf("R700", startOfWork).keySet()).containsExactlyInAnyOrder("erp:user", "payroll:viewer", "vpn:user");
        assertThat(asOfKnownAt("R700", startOfWork, hireKnown).keySet()).containsExactlyInAnyOrder("crm:rep", "vpn:user");
        assertThat(app.asAuditor("/api/v1/workers/R700?asOf=" + startOfWork + "&knownAt=" + hireKnown).body().at("/assignment/department").asText())
                .isEqualTo("Sales");
        assertThat(workerAsOf("R700", startOfWork).at("/assignment/department").asText()).isEqualTo("Finance");
    }

    @Test
    void aTerminationBackDatedAfterTheFactLeavesTheOldTruthToAnyoneAskingAsKnownBeforeIt() throws Exception {
        accept(hireInto("kt-1", "R800", "2026-01-05", "Sales", "REP", "CC-1"));
        awaitAccess("R800", "crm:rep", "vpn:user");
        Instant beforeCorrection = lastRecorded("R800");

        accept(terminate("kt-2", "R800", "2026-09-30"));

        awaitAccess("R800");
        String october = "2026-10-15T12:00:00Z";
        assertThat(asOf("R800", october)).isEmpty();
        assertThat(asOfKnownAt("R800", october, beforeCorrection).keySet()).containsExactlyInAnyOrder("crm:rep", "vpn:user");
        assertThat(app.asAuditor("/api/v1/workers/R800?asOf=" + october + "&knownAt=" + beforeCorrection).body().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(workerAsOf("R800", october).get("status").asText()).isEqualTo("TERMINATED");
        assertThat(app.asAuditor("/api/v1/workers/R800?knownAt=" + beforeCorrection).body().get("status").asText()).isEqualTo("ACTIVE");

        JsonNode believedNow = app.asAuditor("/api/v1/workers/R800/access?knownAt=" + beforeCorrection).body();
        assertThat(believedNow.get("asOf").asText()).isEqualTo(NOW.toString());
        assertThat(items(believedNow).keySet()).containsExactlyInAnyOrder("crm:rep", "vpn:user");

        String range = "/api/v1/audit/access-changes?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";
        assertThat(changesOf("R800", range)).containsExactlyInAnyOrder("GRANTED crm:rep", "GRANTED vpn:user", "REVOKED crm:rep", "REVOKED vpn:user");
        assertThat(changesOf("R800", range + "&knownAt=" + beforeCorrection)).containsExactlyInAnyOrder("GRANTED crm:rep", "GRANTED vpn:user");

        Instant beforeHire = Instant.parse(app.history("R800", "LIFECYCLE").get(0).get("recordedAt").asText()).minusMillis(1);
        assertThat(app.asAuditor("/api/v1/workers/R800/access?asOf=" + october + "&knownAt=" + beforeHire).status()).isEqualTo(404);
        RunningApp.Response bad = app.asAuditor("/api/v1/workers/R800/access?asOf=" + october + "&knownAt=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/errors/0/field").asText()).as(bad.body().toString()).isEqualTo("knownAt");
    }

    @Test
    void everyAccessItemNamesTheStoredDecisionThatGrantedIt() {
        accept(hireInto("ev-1", "R900", "2026-02-02", "Sales", "REP", "CC-1"));
        Map<String, JsonNode> items = awaitAccess("R900", "crm:rep", "vpn:user");

        Map<String, String> grants = new TreeMap<>();
        app.history("R900", "ACCESS").stream().filter(entry -> entry.get("event").asText().equals("AccessGranted"))
                .forEach(entry -> grants.put(entry.at("/details/entitlement").asText(), entry.get("eventId").asText()));
        assertThat(items.get("crm:rep").get("decisionEventId").asText()).isEqualTo(grants.get("crm:rep"));
        assertThat(asOf("R900", "2026-03-01T00:00:00Z").get("vpn:user").get("decisionEventId").asText()).isEqualTo(grants.get("vpn:user"));
    }

    /** The last instant AccessLedger recorded anything for the worker: "as known then" for what follows. */
    static Instant lastRecorded(String workerId) {
        return app.history(workerId, "ACCESS").stream().map(entry -> Instant.parse(entry.get("recordedAt").asText()))
                .max(Instant::compareTo).orElseThrow();
    }

    static Map<String, JsonNode> asOfKnownAt(String workerId, String instant, Instant knownAt) {
        RunningApp.Response response = app.asAuditor("/api/v1/workers/" + workerId + "/access?asOf=" + instant + "&knownAt=" + knownAt);
        return response.status() == 404 ? Map.of() : items(response.body());
    }

    static List<String> changesOf(String workerId, String exportPath) throws Exception {
        List<String> changes = new ArrayList<>();
        for (String line : app.getText(exportPath, "application/x-ndjson").lines().filter(line -> !line.isBlank()).toList()) {
            JsonNode row = JSON.readTree(line);
            if (row.get("workerId").asText().equals(workerId)) {
                changes.add(row.get("change").asText() + " " + row.get("entitlement").asText());
            }
        }
        return changes;
    }

    static void accept(String event) {
        RunningApp.Response response = app.postHrEvents(event);
        assertThat(response.body().at("/results/0/outcome").asText()).as(response.body().toString()).isEqualTo("ACCEPTED");
    }

    static void assertRejected(String event, String code) {
        JsonNode result = app.postHrEvents(event).body().at("/results/0");
        assertThat(result.get("outcome").asText()).as(result.toString()).isEqualTo("REJECTED");
        assertThat(result.at("/problem/code").asText()).isEqualTo(code);
    }

    static JsonNode worker(String workerId) {
        return app.asAuditor("/api/v1/workers/" + workerId).body();
    }

    static JsonNode workerAsOf(String workerId, String instant) {
        return app.asAuditor("/api/v1/workers/" + workerId + "?asOf=" + instant).body();
    }

    static Map<String, JsonNode> access(String workerId) {
        return items(app.asAuditor("/api/v1/workers/" + workerId + "/access").body());
    }

    static Map<String, JsonNode> asOf(String workerId, String instant) {
        RunningApp.Response response = app.asAuditor("/api/v1/workers/" + workerId + "/access?asOf=" + instant);
        return response.status() == 404 ? Map.of() : items(response.body());
    }

    static Map<String, JsonNode> awaitAccess(String workerId, String... entitlements) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(access(workerId).keySet()).containsExactlyInAnyOrder(entitlements));
        return access(workerId);
    }

    static void awaitHistory(String workerId, String event) {
        await().atMost(Duration.ofSeconds(10)).until(() -> app.history(workerId, "ACCESS").stream().anyMatch(entry -> entry.get("event").asText().equals(event)));
    }

    static List<JsonNode> lifecycle(String workerId, String event) {
        return app.history(workerId, "LIFECYCLE").stream().filter(entry -> entry.get("event").asText().equals(event)).toList();
    }

    static Map<String, JsonNode> items(JsonNode view) {
        Map<String, JsonNode> items = new TreeMap<>();
        view.get("items").forEach(item -> items.put(item.get("entitlement").asText(), item));
        return items;
    }
}
