package org.accessledger.identity.registry;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.accessledger.identity.hr.HrEventKeys;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * {@code hr_event_keys}, one document per {@code hrEventId} keyed by it: every claim is an insert the unique key
 * decides, every lookup a key read, so millions of ids cost no memory. A claim left {@code PENDING} by an instance
 * that died while sending is taken over after a minute.
 */
@Component
public class MongoHrEventKeys implements HrEventKeys {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    private static final Duration WAIT_FOR_OTHER_SENDER = Duration.ofSeconds(30);
    private static final String PENDING = "PENDING";
    private static final String ACCEPTED = "ACCEPTED";

    private final MongoCollection<Document> keys;
    private final Clock clock;

    public MongoHrEventKeys(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection("hr_event_keys");
        this.clock = clock;
    }

    @Override
    public Claim claim(String hrEventId, String workerId, String fingerprint) {
        long giveUpAt = System.nanoTime() + WAIT_FOR_OTHER_SENDER.toNanos();
        while (true) {
            try {
                keys.insertOne(new Document("_id", hrEventId).append("workerId", workerId).append("fingerprint", fingerprint)
                        .append("state", PENDING).append("claimedAt", Date.from(clock.instant())));
                return new Claim(Found.NEW, workerId);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document held = keys.find(Filters.eq("_id", hrEventId)).first();
            if (held == null) {
                continue; // released meanwhile: claim it again
            }
            if (!fingerprint.equals(held.getString("fingerprint"))) {
                return new Claim(Found.OTHER_EVENT, held.getString("workerId"));
            }
            if (ACCEPTED.equals(held.getString("state"))) {
                return new Claim(Found.SAME_EVENT_ACCEPTED, held.getString("workerId"));
            }
            if (takeOverAbandoned(hrEventId, held)) {
                return new Claim(Found.NEW, workerId);
            }
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("HR event " + hrEventId + " is still being sent by another request");
            }
            pause();
        }
    }

    @Override
    public void accepted(String hrEventId) {
        keys.updateOne(Filters.eq("_id", hrEventId), Updates.combine(Updates.set("state", ACCEPTED), Updates.unset("claimedAt")));
    }

    @Override
    public void released(String hrEventId) {
        keys.deleteOne(Filters.and(Filters.eq("_id", hrEventId), Filters.eq("state", PENDING)));
    }

    private boolean takeOverAbandoned(String hrEventId, Document held) {
        Date claimedAt = held.getDate("claimedAt");
        Instant now = clock.instant();
        if (claimedAt == null || claimedAt.toInstant().plus(ABANDONED_AFTER).isAfter(now)) {
            return false;
        }
        return keys.updateOne(Filters.and(Filters.eq("_id", hrEventId), Filters.eq("state", PENDING), Filters.eq("claimedAt", claimedAt)),
                Updates.set("claimedAt", Date.from(now))).getModifiedCount() == 1;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while another request sent the same HR event", e);
        }
    }
}
