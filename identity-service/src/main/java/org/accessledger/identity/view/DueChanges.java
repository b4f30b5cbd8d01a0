package org.accessledger.identity.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Each worker's earliest scheduled change, for workers that have one: a small collection beside the worker view, so
 * the scheduler's question every second reads a few documents instead of every worker's view (the embedded
 * MongoDB-wire server answers any filter but {@code _id} by a scan; MongoDB uses the index).
 */
final class DueChanges {

    private static final String COLLECTION = "worker_due_changes";
    private static final String DUE_AT = "dueAt";

    private final MongoCollection<Document> due;
    private final boolean created;

    DueChanges(MongoDatabase database) {
        this.created = !database.listCollectionNames().into(new ArrayList<>()).contains(COLLECTION);
        this.due = database.getCollection(COLLECTION);
        due.createIndex(Indexes.ascending(DUE_AT), new IndexOptions().name("by_due_at"));
    }

    /** True when this store had no such collection yet, so schedules already in the worker view must be copied in. */
    boolean created() {
        return created;
    }

    void record(WorkerView view) {
        view.scheduled().stream().map(WorkerView.Scheduled::effectiveAt).min(Comparator.naturalOrder()).ifPresentOrElse(
                earliest -> due.replaceOne(Filters.eq("_id", view.workerId()),
                        new Document("_id", view.workerId()).append(DUE_AT, Date.from(earliest)), new ReplaceOptions().upsert(true)),
                () -> due.deleteOne(Filters.eq("_id", view.workerId())));
    }

    List<String> dueBy(Instant now) {
        return due.find(Filters.lte(DUE_AT, Date.from(now))).projection(Projections.include("_id"))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    void clear() {
        due.deleteMany(new Document());
    }
}
