package org.accessledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at a few hundred workers, so it keeps working; its figures are checked for presence, not speed. The run
 * is made in two parts, as a long run can be: stopped after a phase, then resumed, each part recording a profile.
 */
class BenchmarkSmokeTest {

    private static final String JAR = Path.of("../standalone/target/accessledger.jar").toAbsolutePath().toString();

    @TempDir
    Path directory;

    @Test
    void smallRunStoppedAfterItsHistoryAndResumedReportsEveryFigureAndKeepsEachPartsRecording() throws Exception {
        Path report = directory.resolve("result.json");

        assertThat(benchmark(report, "--stop-after", "history", "--profile").exit()).isZero();
        JsonNode firstPart = new ObjectMapper().readTree(report.toFile());
        assertThat(firstPart.has("history")).isTrue();
        assertThat(firstPart.has("steadyStream")).as("a phase after --stop-after").isFalse();

        assertThat(benchmark(report, "--resume", "--profile", "--backdated-percent", "5").exit()).isZero();
        JsonNode result = new ObjectMapper().readTree(report.toFile());
        for (String figure : List.of("/bulkLoad/hrEventsAcceptedPerSecond", "/bulkLoad/accessDecisionsPerSecond",
                "/bulkLoad/provisioningOperationsPerSecond", "/bulkLoad/ldapOperationsPerSecond", "/bulkLoad/secondsUntilEveryAccountProvisioned", "/bulkLoad/authentication/basicP99Millis",
                "/reconciliation/accountsPerSecond", "/reconciliation/rawPagedEntriesReadPerSecond", "/reconciliation/accountsReconciledToRawPagedReads",
                "/steadyStream/timeToProvisionSeconds/p99", "/steadyStream/timeToRevokeSeconds/p50", "/replay/eventsPerSecond",
                "/asOfQueries/p99Millis", "/retroactiveChanges/p99Millis",
                "/auditEvidence/inclusionProofP99Millis", "/auditEvidence/verificationEventsPerSecond", "/erasure/answerP99Millis", "/peakResidentMemoryMiB", "/dataFilesMiB/eventStore", "/rawLimits/ldapEntriesAddedPerSecond", "/rawLimits/ldapMembersAddedPerSecondToAGroupOfEveryWorker",
                "/rawLimits/ldapMembersRemovedPerSecondFromAGroupOfEveryWorker",
                "/rawLimits/h2JdbcInsertsPerSecond", "/ratios/accountsProvisionedToRawLdapAdds")) {
            assertThat(result.at(figure).isNumber()).as(figure).isTrue();
            assertThat(result.at(figure).asDouble()).as(figure).isPositive();
        }
        assertThat(result.at("/steadyStream/timeToProvisionSeconds/count").asDouble()).isPositive();
        assertThat(result.at("/steadyStream/backdatedPercent").asInt()).isEqualTo(5);
        assertThat(result.at("/bulkLoad/ldapOperations/Add").asInt()).as("an LDAP add per account, and one per group").isGreaterThanOrEqualTo(200);
        assertThat(result.at("/bulkLoad/hrEventsRejected").asInt()).isZero();
        assertThat(result.at("/reconciliation/accounts").asInt()).as("every account read back").isEqualTo(200);
        result.at("/reconciliation/findings").forEach(count -> assertThat(count.asInt()).as("nothing differs after the bulk load").isZero());
        assertThat(result.at("/history/hrEventsRejected").asInt()).isZero();
        assertThat(result.at("/asOfQueries/hrEventsPerWorkerTo").asInt()).as("a veteran's career").isGreaterThan(100);
        assertThat(result.at("/retroactiveChanges/sent").asInt()).as("back-dated moves sent").isPositive();
        assertThat(result.at("/retroactiveChanges/changes").asInt()).as("every back-dated move accepted").isEqualTo(result.at("/retroactiveChanges/sent").asInt());
        assertThat(result.at("/policySimulation/published/status").asText()).isEqualTo("FINISHED");
        assertThat(result.at("/policySimulation/published/revocations").asInt() + result.at("/policySimulation/published/grants").asInt())
                .as("the published version changes nothing").isZero();
        assertThat(result.at("/policySimulation/mistaken/revocations").asInt()).as("the misspelt department takes the finance birthrights").isPositive();
        assertThat(result.at("/auditEvidence/verification").asText()).isEqualTo("PASSED");
        assertThat(result.at("/auditEvidence/inclusionProofs").asInt()).isEqualTo(500);
        assertThat(result.at("/erasure/erased").asInt()).as("leavers erased").isPositive();
        assertThat(result.get("history")).as("the first part's figures, kept").isEqualTo(firstPart.get("history"));
        assertThat(result.path("parts").asInt()).isEqualTo(2);
        assertThat(result.get("codeByPart")).as("the commit of each part's app").hasSize(2)
                .allSatisfy(code -> assertThat(code.asText()).matches("[0-9a-f]{7,}(-dirty)?"));
        assertThat(Stream.of("app-part-1.jfr", "app-part-2.jfr").map(directory.resolve("work")::resolve))
                .as("a flight recording of each part").allSatisfy(recording -> assertThat(Files.size(recording)).isPositive());
    }

    @Test
    void resumeRefusesARunCutOffDuringAPhase() throws Exception {
        Path report = Files.writeString(directory.resolve("result.json"),
                "{\"workers\": 200, \"seed\": 42, \"parts\": 1, \"bulkLoad\": {}, \"unfinishedPhase\": \"history\"}");

        Outcome outcome = benchmark(report, "--resume");

        assertThat(outcome.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(outcome.errors()).contains("cut off during its history phase");
    }

    @Test
    void resumeRefusesAReportOfAnotherPopulation() throws Exception {
        Path report = Files.writeString(directory.resolve("result.json"), "{\"workers\": 300, \"seed\": 42, \"parts\": 1, \"bulkLoad\": {}}");

        Outcome outcome = benchmark(report, "--resume");

        assertThat(outcome.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(outcome.errors()).contains("--workers 300 --seed 42");
    }

    @Test
    void resumeRefusesAFinishedRun() throws Exception {
        String everyPhase = String.join(", ", Stream.of(Phase.values()).map(phase -> "\"" + phase.reportKey() + "\": {}").toList());
        Path report = Files.writeString(directory.resolve("result.json"), "{\"workers\": 200, \"seed\": 42, \"parts\": 1, " + everyPhase + "}");

        Outcome outcome = benchmark(report, "--resume");

        assertThat(outcome.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(outcome.errors()).contains("nothing left to run");
    }

    private Outcome benchmark(Path report, String... more) {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new JmlBenchmark()).setErr(new PrintWriter(errors));
        List<String> arguments = Stream.concat(Stream.of("--workers", "200", "--rate", "10", "--duration", "PT5S", "--heap", "768m",
                "--jar", JAR, "--work-dir", directory.resolve("work").toString(), "--output", report.toString()), Stream.of(more)).toList();
        int exit = command.execute(arguments.toArray(String[]::new));
        return new Outcome(exit, errors.toString());
    }

    private record Outcome(int exit, String errors) {
    }
}
