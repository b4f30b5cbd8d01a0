package org.accessledger.identity.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Each worker's earliest scheduled change, for workers that have one: a small collection beside the worker view, so
 * the scheduler's question every second reads a few documents instead of every worker's view.
 * <p>
 * The embedded MongoDB-wire server answers any filter but {@code _id} by a scan (MongoDB uses the index), and every
 * contractor's end date stays here for the whole contract: at 100,000 workers, 15 % of them contractors, the scan every
 * second took about 15 % of the app's CPU samples in the bulk load. So the collection is read only when something may
 * be due: a scan also notes the earliest change due within the rescan interval, and a change recorded here for earlier
 * brings the next scan forward. A change recorded by another instance for less than the rescan interval ahead is found
 * by the next scan at the latest.
 */
public final class DueChanges {

    private static final String COLLECTION = "worker_due_changes";
    private static final String DUE_AT = "dueAt";

    private final MongoCollection<Document> due;
    private final boolean created;
    private final Duration rescanInterval;
    private volatile Instant nextScanAt = Instant.MIN;
    private final AtomicReference<Instant> earliestRecordedSinceScan = new AtomicReference<>(Instant.MAX);

    public DueChanges(MongoDatabase database, Duration rescanInterval) {
        this.rescanInterval = rescanInterval;
        this.created = !database.listCollectionNames().into(new ArrayList<>()).contains(COLLECTION);
        this.due = database.getCollection(COLLECTION);
        due.createIndex(Indexes.ascending(DUE_AT), new IndexOptions().name("by_due_at"));
    }

    /** True when this store had no such collection yet, so schedules already in the worker view must be copied in. */
    public boolean created() {
        return created;
    }

    /** The worker's earliest scheduled change, or none. */
    public void record(String workerId, Optional<Instant> earliestChange) {
        earliestChange.ifPresentOrElse(
                earliest -> {
                    due.replaceOne(Filters.eq("_id", workerId), new Document("_id", workerId).append(DUE_AT, Date.from(earliest)),
                            new ReplaceOptions().upsert(true));
                    // After the write, so a scan running meanwhile either reads the change or is followed by one when it is due.
                    earliestRecordedSinceScan.accumulateAndGet(earliest, DueChanges::earlier);
                },
                () -> due.deleteOne(Filters.eq("_id", workerId)));
    }

    public List<String> dueBy(Instant now) {
        if (now.isBefore(nextScanAt) && now.isBefore(earliestRecordedSinceScan.get())) {
            return List.of();
        }
        earliestRecordedSinceScan.set(Instant.MAX);
        Instant horizon = now.plus(rescanInterval);
        List<String> dueNow = new ArrayList<>();
        Instant next = horizon;
        for (Document change : due.find(Filters.lte(DUE_AT, Date.from(horizon)))) {
            Instant dueAt = change.getDate(DUE_AT).toInstant();
            if (dueAt.isAfter(now)) {
                next = earlier(next, dueAt);
            } else {
                dueNow.add(change.getString("_id"));
            }
        }
        // While anything is due, every poll reads again: a change whose command failed is retried on the next tick.
        nextScanAt = dueNow.isEmpty() ? next : Instant.MIN;
        return dueNow;
    }

    public void clear() {
        due.deleteMany(new Document());
    }

    private static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }
}
