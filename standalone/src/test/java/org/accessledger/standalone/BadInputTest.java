package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every kind of refusal answers with a problem naming the field and rule, and stores nothing. */
class BadInputTest {

    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    @TempDir
    static Path dataDir;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void malformedJsonIsRefusedAsMalformedRequest() {
        RunningApp.Response response = app.postHrEvents("{\"hrEventId\": \"x-1\", ");

        assertProblem(response, 400, "MALFORMED_REQUEST");
    }

    @Test
    void unknownTypeIsRefusedNamingTheTypeField() {
        RunningApp.Response response = app.postHrEvents(dated("PROMOTION", "x-2", "X100", "2026-11-21"));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("type");
        assertThat(response.body().at("/errors/0/rule").asText()).isEqualTo("one-of");
    }

    @Test
    void missingFieldIsRefusedNamingIt() {
        RunningApp.Response response = app.postHrEvents(hire("x-3", "X101", "2026-11-01", "x3@example.com")
                .replace("\"givenName\":\"Ada\",", ""));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("worker.givenName");
        assertThat(response.body().at("/errors/0/rule").asText()).isEqualTo("required");
        assertNeverStored("X101");
    }

    @Test
    void impossibleDateIsRefusedNamingTheField() {
        RunningApp.Response response = app.postHrEvents(hire("x-4", "X102", "2026-02-30", "x4@example.com"));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("effectiveDate");
        assertThat(response.body().at("/errors/0/rule").asText()).isEqualTo("date");
        assertNeverStored("X102");
    }

    @Test
    void invalidEmailAndTimeZoneAreBothListed() {
        RunningApp.Response response = app.postHrEvents(hire("x-5", "X103", "2026-11-01", "not-an-email")
                .replace("Europe/London", "Mars/Olympus"));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(response.body().get("errors").findValuesAsText("field")).containsExactly("worker.email", "worker.timeZone");
    }

    @Test
    void aNumberOrBooleanWhereTheContractWantsTextIsATypeFaultNotText() {
        RunningApp.Response response = app.postHrEvents(hire("x-41", "X142", "2026-11-01", "x142@example.com")
                .replace("\"givenName\":\"Ada\"", "\"givenName\":true").replace("\"familyName\":\"Lovelace\"", "\"familyName\":42")
                .replace("\"department\":\"Finance\"", "\"department\":1.5"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("worker.givenName", "worker.familyName", "assignment.department");
        assertNeverStored("X142");
    }

    @Test
    void aTimeZoneMustBeAnIanaNameNotAnOffset() {
        RunningApp.Response response = app.postHrEvents(hire("x-42", "X143", "2026-11-01", "x143@example.com").replace("Europe/London", "+05:30"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("worker.timeZone");
        assertNeverStored("X143");
    }

    @Test
    void aMissingQueryParameterIsNamedWithItsRule() {
        RunningApp.Response response = app.asAuditor("/api/v1/audit/access-changes?to=2027-01-01T00:00:00Z");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("from");
        assertThat(response.body().at("/errors/0/rule").asText()).isEqualTo("required");
    }

    @Test
    void aWorkerListPageOutOfRangeOrAfterNoWorkerIdIsRefusedNamingTheParameter() {
        for (String query : new String[]{"limit=0", "limit=1001", "limit=many", "after=not%20an%20id"}) {
            RunningApp.Response response = app.asAuditor("/api/v1/workers?" + query);

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.body().at("/errors/0/field").asText()).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void aBodyPastTheSizeLimitIsRefusedWith413() {
        String padded = dated("LEAVE_START", "x-43", "X144", "2026-11-21").replace("{", "{" + " ".repeat(5 * 1024 * 1024));

        RunningApp.Response response = app.postHrEvents(padded);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
        assertNeverStored("X144");
    }

    @Test
    void aBodySentWithoutItsLengthIsCutOffAtTheLimitWith413() throws Exception {
        byte[] padded = dated("LEAVE_START", "x-44", "X145", "2026-11-21").replace("{", "{" + " ".repeat(5 * 1024 * 1024))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/v1/hr-events"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("hr:" + RunningApp.HR_PASSWORD).getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(padded))).build();

        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("REQUEST_TOO_LARGE");
        assertNeverStored("X145");
    }

    @Test
    void aCorrectionWithNothingToCorrectOrARescindWithoutItsTargetIsRefusedNamingTheField() {
        RunningApp.Response empty = app.postHrEvents("{\"hrEventId\":\"x-7\",\"type\":\"CORRECTION\",\"workerId\":\"X105\",\"correctsHrEventId\":\"x-1\"}");
        assertProblem(empty, 400, "INVALID_FIELD");
        assertThat(empty.body().at("/errors/0/field").asText()).isEqualTo("effectiveDate");
        assertThat(empty.body().at("/errors/0/rule").asText()).isEqualTo("not-empty");

        RunningApp.Response untargeted = app.postHrEvents("{\"hrEventId\":\"x-8\",\"type\":\"RESCIND\",\"workerId\":\"X105\"}");
        assertProblem(untargeted, 400, "INVALID_FIELD");
        assertThat(untargeted.body().at("/errors/0/field").asText()).isEqualTo("rescindsHrEventId");
        assertThat(untargeted.body().at("/errors/0/rule").asText()).isEqualTo("required");

        RunningApp.Response misplaced = app.postHrEvents(dated("LEAVE_START", "x-9", "X105", "2026-11-21").replace("}", ",\"correctsHrEventId\":\"x-1\"}"));
        assertProblem(misplaced, 400, "INVALID_FIELD");
        assertThat(misplaced.body().at("/errors/0/field").asText()).isEqualTo("correctsHrEventId");
        assertNeverStored("X105");
    }

    @Test
    void unknownFieldIsRefused() {
        RunningApp.Response response = app.postHrEvents(dated("LEAVE_START", "x-6", "X104", "2026-11-21")
                .replace("\"effectiveDate\"", "\"efectiveDate\""));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("efectiveDate");
    }

    @Test
    void oversizedBatchIsRefusedAndNothingIsStored() {
        String event = hire("x-7", "X105", "2026-11-01", "x7@example.com");
        RunningApp.Response response = app.postHrEvents(batch(Collections.nCopies(1001, event).toArray(String[]::new)));

        assertProblem(response, 400, "BATCH_TOO_LARGE");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("events");
        assertNeverStored("X105");
    }

    @Test
    void batchWithOneBadEventStoresNoneOfItsEvents() {
        RunningApp.Response response = app.postHrEvents(batch(
                hire("x-8", "X106", "2026-11-01", "x8@example.com"),
                dated("LEAVE_START", "x-9", "X106", "not-a-date")));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("events[1].effectiveDate");
        assertNeverStored("X106");
    }

    @Test
    void contractorWithoutEndDateIsRejectedAndNotStored() {
        RunningApp.Response response = app.postHrEvents(hire("x-10", "X107", "2026-11-01", "x10@example.com")
                .replace("EMPLOYEE", "CONTRACTOR"));

        assertRejected(response, "CONTRACTOR_END_DATE_REQUIRED", "worker.endDate");
        assertNeverStored("X107");
    }

    @Test
    void endDateBeforeStartIsRejected() {
        RunningApp.Response response = app.postHrEvents(hire("x-11", "X108", "2026-12-01", "x11@example.com")
                .replace("\"timeZone\":\"Europe/London\"", "\"timeZone\":\"Europe/London\",\"endDate\":\"2026-11-30\""));

        assertRejected(response, "END_DATE_BEFORE_START", "worker.endDate");
        assertNeverStored("X108");
    }

    @Test
    void terminationOfSomeoneNeverHiredIsRejected() {
        assertRejected(app.postHrEvents(terminate("x-12", "X109", "2026-11-30")), "WORKER_NOT_FOUND", "workerId");
        assertNeverStored("X109");
    }

    @Test
    void leaveForATerminatedWorkerIsRejectedAndChangesNothing() {
        app.postHrEvents(batch(hire("x-13", "X110", "2026-11-01", "x13@example.com"), terminate("x-14", "X110", "2026-11-10")));

        assertRejected(app.postHrEvents(dated("LEAVE_START", "x-15", "X110", "2026-11-21")), "WORKER_TERMINATED", "type");
        await().untilAsserted(() -> assertThat(app.asAuditor("/api/v1/workers/X110").body().path("status").asText()).isEqualTo("TERMINATED"));
        assertThat(app.lifecycleHistory("X110")).hasSize(3);
    }

    @Test
    void hireCancellationAfterTheStartIsRejected() {
        app.postHrEvents(hire("x-16", "X111", "2026-11-01", "x16@example.com"));

        assertRejected(app.postHrEvents("{\"hrEventId\":\"x-17\",\"type\":\"HIRE_CANCELLATION\",\"workerId\":\"X111\"}"),
                "HIRE_ALREADY_STARTED", "type");
    }

    @Test
    void hireWithTheEmailOfAnotherActiveWorkerIsRejectedAsDuplicateIdentity() {
        app.postHrEvents(hire("x-18", "X112", "2026-11-01", "Same.Person@example.com"));

        assertRejected(app.postHrEvents(hire("x-19", "X113", "2026-11-01", "same.person@example.com")), "DUPLICATE_IDENTITY", "worker.email");
        assertNeverStored("X113");
    }

    @Test
    void twoNewWorkersWithOneEmailInOneBatchAreNotBothAccepted() {
        RunningApp.Response response = app.postHrEvents(batch(hire("x-23", "X116", "2026-11-01", "twin@example.com"),
                hire("x-24", "X117", "2026-11-01", "twin@example.com")));

        assertThat(response.body().findValuesAsText("outcome")).containsExactlyInAnyOrder("ACCEPTED", "REJECTED");
        assertThat(response.body().findValuesAsText("code")).containsExactly("DUPLICATE_IDENTITY");
    }

    @Test
    void anHrEventIdReusedForAnotherWorkerIsRejectedAndStoresNothing() {
        assertThat(app.postHrEvents(hire("x-40", "X140", "2026-11-01", "x140@example.com")).body().at("/results/0/outcome").asText())
                .isEqualTo("ACCEPTED");

        assertRejected(app.postHrEvents(hire("x-40", "X141", "2026-11-01", "x141@example.com")), "IDEMPOTENCY_KEY_REUSED", "hrEventId");
        assertNeverStored("X141");
        assertThat(app.postHrEvents(hire("x-40", "X140", "2026-11-01", "x140@example.com")).body().at("/results/0/outcome").asText())
                .as("the same event again").isEqualTo("DUPLICATE");
        assertRejected(app.postHrEvents(hire("x-40", "X140", "2026-11-01", "other@example.com")), "IDEMPOTENCY_KEY_REUSED", "hrEventId");
    }

    @Test
    void emailOfATerminatedWorkerMayBeReused() {
        app.postHrEvents(batch(hire("x-20", "X114", "2026-11-01", "leaver@example.com"), terminate("x-21", "X114", "2026-11-10")));

        RunningApp.Response response = app.postHrEvents(hire("x-22", "X115", "2026-11-15", "leaver@example.com"));

        assertThat(response.body().at("/results/0/outcome").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void unknownWorkerIsNotFound() {
        assertProblem(app.asAuditor("/api/v1/workers/NOBODY"), 404, "WORKER_NOT_FOUND");
        assertProblem(app.asAuditor("/api/v1/workers/NOBODY/history"), 404, "WORKER_NOT_FOUND");
    }

    static void assertProblem(RunningApp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo(code);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }

    static void assertRejected(RunningApp.Response response, String code, String field) {
        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.body().at("/results/0");
        assertThat(result.get("outcome").asText()).as(result.toString()).isEqualTo("REJECTED");
        assertThat(result.at("/problem/code").asText()).isEqualTo(code);
        assertThat(result.at("/problem/field").asText()).isEqualTo(field);
        assertThat(result.at("/problem/status").asInt()).isIn(404, 422);
    }

    static void assertNeverStored(String workerId) {
        assertThat(app.asAuditor("/api/v1/workers/" + workerId + "/history").status()).isEqualTo(404);
    }
}
