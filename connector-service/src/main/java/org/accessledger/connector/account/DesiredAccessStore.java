package org.accessledger.connector.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The desired access of every worker, one document each ({@code desired_access}): the account's state and reason, and
 * the granted entitlements keyed by their id with {@code .} written as {@code ~} (a field name cannot hold a dot, an
 * entitlement id cannot hold a tilde).
 */
@Component
public final class DesiredAccessStore {

    private final MongoCollection<Document> workers;

    public DesiredAccessStore(MongoDatabase database) {
        this.workers = database.getCollection("desired_access");
    }

    public void grant(String workerId, String entitlement, DesiredAccess.Reason reason) {
        workers.updateOne(Filters.eq("_id", workerId), Updates.combine(
                Updates.set("entitlements." + key(entitlement), toDocument(reason).append("entitlement", entitlement)),
                Updates.set("account", DesiredAccess.ACTIVE),
                Updates.setOnInsert("accountReason", toDocument(reason))), new UpdateOptions().upsert(true));
    }

    void revoke(String workerId, String entitlement) {
        workers.updateOne(Filters.eq("_id", workerId), Updates.unset("entitlements." + key(entitlement)));
    }

    /** Only for a worker who was granted something, hence no upsert. */
    public void account(String workerId, String state, DesiredAccess.Reason reason) {
        workers.updateOne(Filters.eq("_id", workerId), Updates.combine(Updates.set("account", state), Updates.set("accountReason", toDocument(reason))));
    }

    void clear() {
        workers.deleteMany(new Document());
    }

    public Optional<DesiredAccess> of(String workerId) {
        return Optional.ofNullable(workers.find(Filters.eq("_id", workerId)).first()).map(DesiredAccessStore::toDesired);
    }

    /** The desired access of each of {@code workerIds} that has any, in one read. */
    public Map<String, DesiredAccess> of(Collection<String> workerIds) {
        Map<String, DesiredAccess> found = new HashMap<>();
        workers.find(Filters.in("_id", workerIds)).forEach(document -> found.put(document.getString("_id"), toDesired(document)));
        return found;
    }

    /** Every worker whose account should be active, read in batches from a cursor. */
    public void eachActive(Consumer<DesiredAccess> each) {
        workers.find(Filters.eq("account", DesiredAccess.ACTIVE)).batchSize(1_000).forEach(document -> each.accept(toDesired(document)));
    }

    private static String key(String entitlement) {
        return entitlement.replace('.', '~');
    }

    private static Document toDocument(DesiredAccess.Reason reason) {
        return new Document("event", reason.event()).append("hrEventId", reason.hrEventId()).append("ruleId", reason.ruleId())
                .append("policyVersion", reason.policyVersion());
    }

    private static DesiredAccess.Reason toReason(Document document) {
        Number version = document.get("policyVersion", Number.class);
        return new DesiredAccess.Reason(document.getString("event"), document.getString("hrEventId"), document.getString("ruleId"),
                version == null ? null : version.longValue());
    }

    private static DesiredAccess toDesired(Document document) {
        Map<String, DesiredAccess.Reason> entitlements = new HashMap<>();
        document.get("entitlements", new Document()).values().forEach(value -> {
            Document grant = (Document) value;
            entitlements.put(grant.getString("entitlement"), toReason(grant));
        });
        Document accountReason = document.get("accountReason", Document.class);
        return new DesiredAccess(document.getString("_id"), document.getString("account"),
                accountReason == null ? null : toReason(accountReason), entitlements);
    }
}
