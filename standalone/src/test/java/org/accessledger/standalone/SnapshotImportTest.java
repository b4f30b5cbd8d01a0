package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.platform.time.MutableClock;
import org.accessledger.standalone.feed.ImportCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code accessledger.jar import}: full workforce snapshots diffed against a running app, day after day. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotImportTest {

    static final String HEADER = "workerId,givenName,familyName,email,workerType,timeZone,startDate,endDate,department,jobCode,location,costCenter,managerId,terminationDate,terminationReason\n";
    static final String ANN = "SI1,Ann,Lee,si1@example.com,EMPLOYEE,Europe/London,2026-01-05,,Sales,SALES-REP,London,CC-100,,,\n";
    static final String BO = "SI2,Bo,Ng,si2@example.com,EMPLOYEE,Europe/London,2026-02-01,,Finance,FIN-ANALYST,London,CC-100,,,\n";
    static final String CY = "SI3,Cy,Do,si3@example.com,CONTRACTOR,Europe/Paris,2026-03-01,2027-03-31,Engineering,ENG-DEV,Paris,CC-200,SI1,,\n";

    @TempDir
    static Path directory;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(directory.resolve("data"), new MutableClock(Instant.parse("2026-12-07T10:00:00Z")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void aFirstSnapshotHiresEveryoneAndNamesTheMalformedRowByItsLine() throws IOException {
        Path monday = write("monday.csv", HEADER + ANN + BO + CY + "SI9,Di,Ek,si9@example.com,EMPLOYEE,Europe/London,2026-02-30,,Sales,SALES-REP,London,CC-100,,,\n");

        Run run = importing(monday);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.report).containsExactly(
                "line,workerId,outcome,events,detail",
                "2,SI1,APPLIED,HIRE,",
                "3,SI2,APPLIED,HIRE,",
                "4,SI3,APPLIED,HIRE,",
                "5,,MALFORMED,,\"line 5 startDate must be a date as 2026-12-31, not \"\"2026-02-30\"\"\"");
        assertThat(run.output).contains("rows", "3 APPLIED", "1 MALFORMED", "3 HR events sent");
        assertThat(worker("SI3").at("/assignment/managerId").asText()).isEqualTo("SI1");
        assertThat(worker("SI1").get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void theSameSnapshotAgainSendsNothing() throws IOException {
        Run run = importing(write("monday-again.csv", HEADER + ANN + BO + CY));

        assertThat(run.exitCode).isZero();
        assertThat(run.report).containsExactly("line,workerId,outcome,events,detail", "2,SI1,UNCHANGED,,", "3,SI2,UNCHANGED,,", "4,SI3,UNCHANGED,,");
        assertThat(run.output).contains("0 HR events sent");
    }

    @Test
    @Order(3)
    void aLaterSnapshotMovesExtendsHiresAndReportsTheWorkerItNoLongerListsWithoutEndingTheEmployment() throws IOException {
        Path tuesday = write("tuesday.csv", HEADER
                + ANN.replace("Sales,SALES-REP", "Finance,FIN-ANALYST")
                + CY.replace("2027-03-31", "2027-06-30")
                + "SI4,Ed,Fo,si4@example.com,EMPLOYEE,Europe/London,2026-12-14,,Sales,SALES-REP,London,CC-100,SI1,,\n"
                + "SI5,Fa,Go,si1@example.com,EMPLOYEE,Europe/London,2026-12-14,,Sales,SALES-REP,London,CC-100,,,\n");

        Run run = importing(tuesday);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.report).contains("2,SI1,APPLIED,ASSIGNMENT_CHANGE,", "3,SI3,APPLIED,CONTRACT_EXTENSION,", "4,SI4,APPLIED,HIRE,",
                ",SI2,NOT_LISTED,,\"not in the snapshot; still ACTIVE (--terminate-missing ends the employment)\"");
        assertThat(run.report.stream().filter(line -> line.startsWith("5,SI5,REJECTED,HIRE,\"HIRE DUPLICATE_IDENTITY"))).hasSize(1);
        assertThat(worker("SI1").at("/assignment/department").asText()).isEqualTo("Finance");
        assertThat(worker("SI3").get("endDate").asText()).isEqualTo("2027-06-30");
        assertThat(worker("SI4").get("status").asText()).isEqualTo("PRE_HIRE");
        assertThat(worker("SI2").get("scheduled")).isEmpty();
    }

    @Test
    @Order(4)
    void withTerminateMissingTheWorkerTheSnapshotNoLongerListsLeaves() throws IOException {
        Path tuesday = directory.resolve("tuesday.csv");

        Run run = importing(tuesday, "--terminate-missing");

        assertThat(run.report).contains("2,SI1,UNCHANGED,,", ",SI2,APPLIED,TERMINATION,");
        JsonNode scheduled = worker("SI2").get("scheduled");
        assertThat(scheduled.findValuesAsText("type")).containsExactly("TERMINATION");
        assertThat(scheduled.get(0).get("reason").asText()).isEqualTo("missing from a full HR snapshot");
    }

    @Test
    @Order(5)
    void aFileWithoutARequiredColumnIsRefusedBeforeAnythingIsSent() throws IOException {
        Run run = importing(write("no-email.csv", HEADER.replace(",email", "") + "SI7,Gi,Ho,EMPLOYEE,Europe/London,2026-12-14,,Sales,SALES-REP,London,CC-100,,,\n"));

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output).contains("import failed", "email (column \"email\")");
        assertThat(app.asAuditor("/api/v1/workers/SI7").status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void theHrAdapterReadsTheWorkerListAPageAtATimeInTheOrderOfWorkerIds() {
        JsonNode first = app.get("/api/v1/workers?limit=2", "hr", RunningApp.HR_PASSWORD).body();
        JsonNode rest = app.get("/api/v1/workers?limit=2&after=" + first.get("next").asText(), "hr", RunningApp.HR_PASSWORD).body();

        assertThat(first.get("items").findValuesAsText("workerId")).containsExactly("SI1", "SI2");
        assertThat(rest.get("items").findValuesAsText("workerId")).containsExactly("SI3", "SI4");
        assertThat(app.get("/api/v1/workers?after=SI4", "hr", RunningApp.HR_PASSWORD).body().has("next")).isFalse();
    }

    private record Run(int exitCode, String output, List<String> report) {
    }

    private static Run importing(Path file, String... extra) throws IOException {
        Path report = Files.createTempFile(directory, "report", ".csv");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("--file", file.toString(), "--url", "http://127.0.0.1:" + app.port(),
                "--user", "hr", "--password", RunningApp.HR_PASSWORD, "--effective-date", "2026-12-07", "--report", report.toString()));
        args.addAll(List.of(extra));
        int exitCode = ImportCommand.run(new PrintStream(output, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        return new Run(exitCode, output.toString(StandardCharsets.UTF_8), Files.readAllLines(report));
    }

    private static JsonNode worker(String workerId) {
        return app.asAuditor("/api/v1/workers/" + workerId).body();
    }

    private static Path write(String name, String csv) throws IOException {
        return Files.writeString(directory.resolve(name), csv);
    }
}
