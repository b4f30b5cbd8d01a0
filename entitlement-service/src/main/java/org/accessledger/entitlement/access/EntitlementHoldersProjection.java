package org.accessledger.entitlement.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.accessledger.api.access.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Holders per entitlement: one document per (entitlement, worker). A revoked holding stays as a tombstone with the
 * sequence number that revoked it, so a redelivered older event cannot bring it back.
 */
@Component
@ProcessingGroup(EntitlementHoldersProjection.GROUP)
public class EntitlementHoldersProjection {

    public static final String GROUP = "entitlement-holders";
    private static final String REVOKED = "REVOKED";

    private final MongoCollection<Document> holdings;

    public EntitlementHoldersProjection(MongoDatabase database) {
        this.holdings = database.getCollection("entitlement_holders");
        holdings.createIndex(Indexes.ascending("entitlement", "status"), new IndexOptions().name("by_entitlement"));
    }

    @EventHandler
    void on(AccessGranted event, @SequenceNumber long sequence) {
        record(event, sequence, AccessStatus.GRANTED.name(), true);
    }

    @EventHandler
    void on(AccessSuspended event, @SequenceNumber long sequence) {
        record(event, sequence, AccessStatus.SUSPENDED.name(), false);
    }

    @EventHandler
    void on(AccessRestored event, @SequenceNumber long sequence) {
        record(event, sequence, AccessStatus.GRANTED.name(), false);
    }

    @EventHandler
    void on(AccessRevoked event, @SequenceNumber long sequence) {
        record(event, sequence, REVOKED, true);
    }

    @ResetHandler
    void reset() {
        holdings.deleteMany(new Document());
    }

    @QueryHandler
    public List<HolderView> handle(FindHoldersQuery query) {
        return holdings.find(Filters.and(Filters.eq("entitlement", query.entitlement().value()), Filters.ne("status", REVOKED)))
                .sort(Sorts.ascending("workerId"))
                .map(document -> new HolderView(document.getString("workerId"), AccessStatus.valueOf(document.getString("status")),
                        document.getDate("since").toInstant(), BsonReasons.read(document.get("reason", Document.class))))
                .into(new ArrayList<>());
    }

    /** Applies the event unless the holding has seen it; looked up by key, never by a scan. */
    private void record(AccessEvent event, long sequence, String status, boolean newReason) {
        String id = event.entitlement().value() + "|" + event.workerId().value();
        Document current = holdings.find(Filters.eq("_id", id)).first();
        if (current != null && current.get("appliedSequence", Number.class).longValue() >= sequence) {
            return;
        }
        var update = Updates.combine(
                Updates.set("entitlement", event.entitlement().value()),
                Updates.set("workerId", event.workerId().value()),
                Updates.set("status", status),
                Updates.set("since", Date.from(event.effectiveAt())),
                Updates.set("appliedSequence", sequence));
        if (newReason) {
            update = Updates.combine(update, Updates.set("reason", BsonReasons.write(event.reason())));
        }
        holdings.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
    }
}
