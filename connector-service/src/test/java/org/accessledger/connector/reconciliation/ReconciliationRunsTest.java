package org.accessledger.connector.reconciliation;

import org.accessledger.connector.account.DriftKind;
import org.accessledger.platform.testing.RecordingMongo;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconciliationRunsTest {

    private static final ReconciliationRuns.Repairs NONE = (id, action) -> 0;

    private final RecordingMongo mongo = new RecordingMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private final ReconciliationRuns runs = new ReconciliationRuns(mongo.database("runs-test"), clock);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void oneRunPerTargetAtATime() {
        runs.start("run-1", "corp-ldap", "admin");
        runs.start("run-2", "saas-scim", "admin");

        assertThatThrownBy(() -> runs.start("run-3", "corp-ldap", "schedule"))
                .isInstanceOfSatisfying(ReconciliationRuns.AlreadyRunning.class, e -> assertThat(e.runningId).isEqualTo("run-1"));

        runs.complete("run-1", "corp-ldap", 10, Map.of(DriftKind.MISSING_ACCOUNT, 2L));
        runs.start("run-3", "corp-ldap", "schedule");
        assertThat(runs.find("corp-ldap", "run-3", NONE)).map(ReconciliationRun::status).hasValue("RUNNING");
    }

    @Test
    void aRunWhoseInstanceStoppedBeatingIsMarkedFailedAndFreesItsTarget() {
        runs.start("run-1", "corp-ldap", "admin");
        clock.advance(Duration.ofSeconds(30));
        runs.beat("run-1", 500);
        clock.advance(Duration.ofSeconds(45));
        assertThat(runs.failStale()).as("beat 45 s ago").isEmpty();

        clock.advance(Duration.ofSeconds(20));
        assertThat(runs.failStale()).containsExactly("run-1");

        ReconciliationRun failed = runs.find("corp-ldap", "run-1", NONE).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.cause()).startsWith("interrupted");
        assertThat(failed.accountsRead()).isEqualTo(500);
        runs.start("run-2", "corp-ldap", "admin");
    }

    @Test
    void aCompletedRunWithRepairsHeldByTheSafeguardIsHeld() {
        runs.start("run-1", "corp-ldap", "admin");
        runs.complete("run-1", "corp-ldap", 40, Map.of(DriftKind.EXTRA_ENTITLEMENT, 5L));

        ReconciliationRun run = runs.find("corp-ldap", "run-1", (id, action) -> switch (action) {
            case "HELD" -> 2;
            case "REPAIRED" -> 3;
            default -> 0;
        }).orElseThrow();

        assertThat(run.status()).isEqualTo("HELD");
        assertThat(run.remediated()).isEqualTo(3);
        assertThat(run.findings()).containsEntry("EXTRA_ENTITLEMENT", 5L).containsEntry("MISSING_ACCOUNT", 0L);
        assertThat(run.completedAt()).isEqualTo(clock.instant());
        assertThat(runs.lastCompleted("corp-ldap")).map(ReconciliationRun::reconciliationId).hasValue("run-1");
        assertThat(runs.find("saas-scim", "run-1", NONE)).as("a run is found under its own target only").isEmpty();
    }
}
