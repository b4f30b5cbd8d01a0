package org.accessledger.connector.targets;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.GroupIds;
import org.accessledger.connector.spi.LocalGroupIds;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Group ids in the read-model store, which every instance shares. Resolving an entitlement's group first claims it by
 * inserting its document (the unique {@code _id} lets one instance win); the others wait until the winner stores the
 * ids. A claim older than {@link #CLAIM_TIMEOUT} is taken over, so an instance that died mid-way blocks no one for good.
 * Threads of this instance queue on a local lock first, so they do not poll the store.
 */
final class SharedGroupIds implements GroupIds {

    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private final MongoCollection<Document> groups;
    private final String target;
    private final Clock clock;
    private final LocalGroupIds local = new LocalGroupIds();

    SharedGroupIds(MongoCollection<Document> groups, String target, Clock clock) {
        this.groups = groups;
        this.target = target;
        this.clock = clock;
    }

    @Override
    public List<String> of(String entitlement) {
        List<String> known = local.of(entitlement);
        if (!known.isEmpty()) {
            return known;
        }
        Document stored = groups.find(Filters.eq("_id", key(entitlement))).first();
        return stored == null ? List.of() : stored.getList("ids", String.class, List.of());
    }

    @Override
    public List<String> resolveOnce(String entitlement, Supplier<List<String>> resolve) {
        return local.resolveOnce(entitlement, () -> resolveShared(entitlement, resolve));
    }

    @Override
    public void forget(String entitlement) {
        local.forget(entitlement);
        groups.deleteOne(Filters.eq("_id", key(entitlement)));
    }

    private List<String> resolveShared(String entitlement, Supplier<List<String>> resolve) {
        String key = key(entitlement);
        String claim = UUID.randomUUID().toString();
        Instant deadline = clock.instant().plus(CLAIM_TIMEOUT.multipliedBy(2));
        while (true) {
            Document stored = groups.find(Filters.eq("_id", key)).first();
            if (stored != null && stored.containsKey("ids")) {
                return stored.getList("ids", String.class);
            }
            if (stored == null ? claimed(key, claim) : tookOverStale(stored, claim)) {
                return resolveAsClaimant(key, claim, resolve);
            }
            if (clock.instant().isAfter(deadline)) {
                throw ConnectorException.transientFailure("Another instance is still creating the group of " + entitlement + " in " + target, null);
            }
            pause();
        }
    }

    private List<String> resolveAsClaimant(String key, String claim, Supplier<List<String>> resolve) {
        List<String> ids;
        try {
            ids = List.copyOf(resolve.get());
        } catch (RuntimeException e) {
            groups.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("claim", claim)));
            throw e;
        }
        groups.updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("ids", ids), Updates.unset("claim"), Updates.unset("claimedAt")));
        return ids;
    }

    private boolean claimed(String key, String claim) {
        try {
            groups.insertOne(new Document("_id", key).append("claim", claim).append("claimedAt", Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private boolean tookOverStale(Document stored, String claim) {
        Date claimedAt = stored.getDate("claimedAt");
        if (claimedAt == null || claimedAt.toInstant().plus(CLAIM_TIMEOUT).isAfter(clock.instant())) {
            return false;
        }
        return groups.updateOne(Filters.and(Filters.eq("_id", stored.get("_id")), Filters.eq("claim", stored.getString("claim"))),
                Updates.combine(Updates.set("claim", claim), Updates.set("claimedAt", Date.from(clock.instant())))).getModifiedCount() == 1;
    }

    private String key(String entitlement) {
        return target + "|" + entitlement;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted while waiting for a group to be created", e);
        }
    }
}
