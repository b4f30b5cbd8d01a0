package org.accessledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark at a few hundred workers, so it keeps working; its figures are checked for presence, not speed. */
class BenchmarkSmokeTest {

    @TempDir
    Path directory;

    @Test
    void smallRunReportsEveryFigure() throws Exception {
        Path report = directory.resolve("result.json");
        int exit = new CommandLine(new JmlBenchmark()).execute("--workers", "200", "--rate", "10", "--duration", "PT5S",
                "--heap", "768m", "--jar", Path.of("../standalone/target/accessledger.jar").toAbsolutePath().toString(),
                "--work-dir", directory.resolve("work").toString(), "--output", report.toString());

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(report.toFile());
        for (String figure : List.of("/bulkLoad/hrEventsAcceptedPerSecond", "/bulkLoad/accessDecisionsPerSecond",
                "/bulkLoad/provisioningOperationsPerSecond", "/bulkLoad/secondsUntilEveryAccountProvisioned",
                "/steadyStream/timeToProvisionSeconds/p99", "/steadyStream/timeToRevokeSeconds/p50", "/replay/eventsPerSecond",
                "/asOfQueries/p99Millis", "/peakResidentMemoryMiB", "/dataFilesMiB/eventStore", "/rawLimits/ldapEntriesAddedPerSecond", "/rawLimits/ldapMembersAddedPerSecondToAGroupOfEveryWorker",
                "/rawLimits/ldapMembersRemovedPerSecondFromAGroupOfEveryWorker",
                "/rawLimits/h2JdbcInsertsPerSecond", "/ratios/accountsProvisionedToRawLdapAdds")) {
            assertThat(result.at(figure).isNumber()).as(figure).isTrue();
            assertThat(result.at(figure).asDouble()).as(figure).isPositive();
        }
        assertThat(result.at("/steadyStream/timeToProvisionSeconds/count").asDouble()).isPositive();
        assertThat(result.at("/bulkLoad/hrEventsRejected").asInt()).isZero();
        assertThat(result.at("/history/hrEventsRejected").asInt()).isZero();
        assertThat(result.at("/asOfQueries/hrEventsPerWorkerTo").asInt()).as("a veteran's career").isGreaterThan(100);
    }
}
