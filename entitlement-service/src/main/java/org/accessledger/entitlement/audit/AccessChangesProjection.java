package org.accessledger.entitlement.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.MeterRegistry;
import org.accessledger.api.access.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Every access decision, and every period a retroactive change corrected, as one row, keyed by its event id (so redelivery changes nothing), for range exports; also
 * counts decisions for the SREs, live events only.
 */
@Component
@ProcessingGroup(AccessChangesProjection.GROUP)
public class AccessChangesProjection {

    public static final String GROUP = "access-changes";

    private final MongoCollection<Document> changes;
    private final MeterRegistry meters;

    public AccessChangesProjection(MongoDatabase database, MeterRegistry meters) {
        this.changes = database.getCollection("access_changes");
        this.meters = meters;
        changes.createIndex(Indexes.ascending("effectiveAt"), new IndexOptions().name("by_effective_time"));
    }

    @EventHandler
    void on(AccessEvent event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt, ReplayStatus replayStatus) {
        String change = changeOf(event);
        AccessReason reason = event.reason();
        Document row = new Document("_id", eventId)
                .append("effectiveAt", Date.from(event.effectiveAt()))
                .append("recordedAt", Date.from(recordedAt))
                .append("workerId", event.workerId().value())
                .append("entitlement", event.entitlement().value())
                .append("change", change)
                .append("ruleId", reason.ruleId())
                .append("policyVersion", reason.policyVersion())
                .append("hrEventId", reason.hrEventId() == null ? null : reason.hrEventId().value())
                .append("causeEventId", reason.causeEventId())
                .append("approver", reason.approver())
                .append("comment", reason.comment());
        changes.replaceOne(Filters.eq("_id", eventId), row, new ReplaceOptions().upsert(true));
        if (!replayStatus.isReplay()) {
            meters.counter("accessledger.access.changes", "change", change).increment();
        }
    }

    @EventHandler
    void on(AccessPeriodCorrected event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        AccessReason reason = event.reason();
        Document row = new Document("_id", eventId)
                .append("effectiveAt", Date.from(event.from()))
                .append("until", Date.from(event.until()))
                .append("recordedAt", Date.from(recordedAt))
                .append("workerId", event.workerId().value())
                .append("entitlement", event.entitlement().value())
                .append("change", "PERIOD_" + event.correction())
                .append("ruleId", reason.ruleId())
                .append("policyVersion", reason.policyVersion())
                .append("hrEventId", event.correctedBy() == null ? null : event.correctedBy().value())
                .append("causeEventId", event.causeEventId());
        changes.replaceOne(Filters.eq("_id", eventId), row, new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        changes.deleteMany(new Document());
    }

    /**
     * Streams the changes effective in [from, to) and, with {@code knownAt}, recorded by then (to the millisecond),
     * oldest first, without holding the range in memory.
     */
    public void forEachBetween(Instant from, Instant to, Instant knownAt, Consumer<AccessChange> action) {
        Bson effective = Filters.and(Filters.gte("effectiveAt", Date.from(from)), Filters.lt("effectiveAt", Date.from(to)));
        changes.find(knownAt == null ? effective : Filters.and(effective, Filters.lte("recordedAt", Date.from(knownAt))))
                .sort(Sorts.ascending("effectiveAt", "recordedAt"))
                .batchSize(500)
                .forEach(document -> action.accept(toChange(document)));
    }

    private static AccessChange toChange(Document row) {
        Number version = row.get("policyVersion", Number.class);
        return new AccessChange(row.getDate("effectiveAt").toInstant().toString(), row.getDate("recordedAt").toInstant().toString(),
                row.getString("workerId"), row.getString("entitlement"), row.getString("change"), row.getString("ruleId"),
                version == null ? null : version.longValue(), row.getString("hrEventId"), row.getString("causeEventId"),
                row.getString("approver"), row.getString("comment"), row.getString("_id"),
                row.getDate("until") == null ? null : row.getDate("until").toInstant().toString());
    }

    /** {@code AccessGranted} → {@code GRANTED}, {@code SodConflictDetected} → {@code SOD_CONFLICT_DETECTED}. */
    static String changeOf(AccessEvent event) {
        String name = event.getClass().getSimpleName().replaceFirst("^Access", "");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
