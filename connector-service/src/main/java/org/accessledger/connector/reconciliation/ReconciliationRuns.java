package org.accessledger.connector.reconciliation;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.accessledger.connector.account.DriftKind;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of every run ({@code reconciliation_runs}) and one lock per target ({@code reconciliation_locks}), in the
 * read-model store so that every instance sees them. A running run beats every few seconds; one whose beat stopped
 * (its instance died or was restarted) is marked FAILED and its lock freed.
 */
@Component
public class ReconciliationRuns {

    static final Duration STALE_AFTER = Duration.ofSeconds(60);

    /** Another run of the target is under way. */
    static final class AlreadyRunning extends RuntimeException {
        final String runningId;

        AlreadyRunning(String target, String runningId) {
            super("Target " + target + " is being reconciled already (" + runningId + ")");
            this.runningId = runningId;
        }
    }

    private final MongoCollection<Document> runs;
    private final MongoCollection<Document> locks;
    private final Clock clock;

    public ReconciliationRuns(MongoDatabase database, Clock clock) {
        this.runs = database.getCollection("reconciliation_runs");
        this.locks = database.getCollection("reconciliation_locks");
        this.clock = clock;
    }

    /** Takes the target's lock and records the run as RUNNING; throws {@link AlreadyRunning} while another holds it. */
    void start(String reconciliationId, String target, String requestedBy) {
        failStale();
        Date now = Date.from(clock.instant());
        try {
            locks.insertOne(new Document("_id", target).append("reconciliationId", reconciliationId).append("at", now));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document lock = locks.find(Filters.eq("_id", target)).first();
            throw new AlreadyRunning(target, lock == null ? "?" : lock.getString("reconciliationId"));
        }
        runs.insertOne(new Document("_id", reconciliationId).append("target", target).append("status", "RUNNING")
                .append("requestedBy", requestedBy).append("accountsRead", 0L)
                .append("startedAt", now).append("beatAt", now));
    }

    void beat(String reconciliationId, long accountsRead) {
        runs.updateOne(Filters.eq("_id", reconciliationId), Updates.combine(Updates.set("accountsRead", accountsRead),
                Updates.set("beatAt", Date.from(clock.instant()))));
    }

    void complete(String reconciliationId, String target, long accountsRead, Map<DriftKind, Long> findings) {
        Document counts = new Document();
        findings.forEach((kind, count) -> counts.append(kind.name(), count));
        end(reconciliationId, target, Updates.combine(Updates.set("status", "COMPLETED"), Updates.set("accountsRead", accountsRead),
                Updates.set("findings", counts)));
    }

    void fail(String reconciliationId, String target, String cause) {
        end(reconciliationId, target, Updates.combine(Updates.set("status", "FAILED"), Updates.set("cause", cause)));
    }

    /** {@code repairs}: how many of the run's repairs were carried out and how many are held, from its findings. */
    public Optional<ReconciliationRun> find(String target, String reconciliationId, Repairs repairs) {
        return Optional.ofNullable(runs.find(Filters.and(Filters.eq("_id", reconciliationId), Filters.eq("target", target))).first())
                .map(run -> toRun(run, repairs));
    }

    /** The target's latest run that read the whole target, without its repair counts. */
    public Optional<ReconciliationRun> lastCompleted(String target) {
        return Optional.ofNullable(runs.find(Filters.and(Filters.eq("target", target), Filters.eq("status", "COMPLETED")))
                .sort(Sorts.descending("completedAt")).first()).map(run -> toRun(run, (id, action) -> 0));
    }

    /** Counts a run's findings by what was done about them. */
    public interface Repairs {
        long count(String reconciliationId, String action);
    }

    /** Marks FAILED every RUNNING run whose beat stopped, and frees its target. */
    List<String> failStale() {
        List<String> failed = new ArrayList<>();
        Date staleBefore = Date.from(clock.instant().minus(STALE_AFTER));
        for (Document run : runs.find(Filters.and(Filters.eq("status", "RUNNING"), Filters.lt("beatAt", staleBefore)))) {
            fail(run.getString("_id"), run.getString("target"), "interrupted: its instance stopped before the run ended");
            failed.add(run.getString("_id"));
        }
        return failed;
    }

    private void end(String reconciliationId, String target, org.bson.conversions.Bson change) {
        runs.updateOne(Filters.eq("_id", reconciliationId), Updates.combine(change, Updates.set("completedAt", Date.from(clock.instant()))));
        locks.deleteOne(Filters.and(Filters.eq("_id", target), Filters.eq("reconciliationId", reconciliationId)));
    }

    private static ReconciliationRun toRun(Document run, Repairs repairs) {
        Map<String, Long> findings = new LinkedHashMap<>();
        for (DriftKind kind : DriftKind.values()) {
            findings.put(kind.name(), run.get("findings", new Document()).get(kind.name(), 0L));
        }
        String id = run.getString("_id");
        long held = repairs.count(id, "HELD");
        String status = run.getString("status");
        return new ReconciliationRun(run.getString("_id"), run.getString("target"),
                "COMPLETED".equals(status) && held > 0 ? "HELD" : status, run.getString("requestedBy"),
                run.get("accountsRead", 0L), findings, repairs.count(id, "REPAIRED") + repairs.count(id, "DISABLED") + repairs.count(id, "DELETED"), held, run.getString("cause"),
                instant(run.getDate("startedAt")), instant(run.getDate("completedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
