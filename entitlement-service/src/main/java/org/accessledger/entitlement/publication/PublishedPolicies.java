package org.accessledger.entitlement.publication;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.accessledger.entitlement.policy.CurrentPolicy;
import org.accessledger.entitlement.policy.PolicyPeriod;
import org.accessledger.entitlement.policy.PolicyParser;
import org.accessledger.entitlement.policy.PolicyVersion;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every published policy version, kept by a subscribing handler so that the version in force is current for the very
 * next command after a publication; and which version was in force when, for re-deciding the past.
 */
@Component
@ProcessingGroup(PublishedPolicies.GROUP)
public class PublishedPolicies implements CurrentPolicy {

    public static final String GROUP = "published-policies";

    private final MongoCollection<Document> policies;
    private volatile PolicyVersion cached;
    private final Map<Long, PolicyVersion> parsed = new ConcurrentHashMap<>();

    public PublishedPolicies(MongoDatabase database) {
        this.policies = database.getCollection("access_policies");
    }

    @EventHandler
    void on(PolicyPublished event) {
        policies.replaceOne(Filters.eq("_id", event.version()), new Document("_id", event.version())
                .append("hash", event.hash())
                .append("document", event.document())
                .append("publishedBy", event.publishedBy())
                .append("publishedAt", Date.from(event.publishedAt())), new ReplaceOptions().upsert(true));
    }

    @Override
    public PolicyVersion current() {
        PolicyView latest = latest().orElseThrow(() -> new IllegalStateException("No access policy has been published yet"));
        PolicyVersion known = cached;
        if (known == null || known.version() != latest.version()) {
            known = new PolicyVersion(latest.version(), latest.hash(), PolicyParser.parse(latest.document()));
            cached = known;
        }
        return known;
    }

    @Override
    public List<PolicyPeriod> inForceBetween(Instant from, Instant until) {
        List<PolicyPeriod> periods = new ArrayList<>();
        Document inForce = policies.find(Filters.lte("publishedAt", Date.from(from))).sort(Sorts.descending("_id")).first();
        if (inForce != null) {
            periods.add(new PolicyPeriod(from, versionOf(toView(inForce))));
        }
        policies.find(Filters.and(Filters.gt("publishedAt", Date.from(from)), Filters.lt("publishedAt", Date.from(until))))
                .sort(Sorts.ascending("_id"))
                .forEach(document -> periods.add(new PolicyPeriod(document.getDate("publishedAt").toInstant(), versionOf(toView(document)))));
        if (periods.isEmpty()) {
            periods.add(new PolicyPeriod(from, current()));
        }
        return periods;
    }

    private PolicyVersion versionOf(PolicyView view) {
        return parsed.computeIfAbsent(view.version(), version -> new PolicyVersion(view.version(), view.hash(), PolicyParser.parse(view.document())));
    }

    @QueryHandler
    public Optional<PolicyView> handle(FindPolicyQuery query) {
        Document document = query.version() == null
                ? policies.find().sort(Sorts.descending("_id")).first()
                : policies.find(Filters.eq("_id", query.version())).first();
        return Optional.ofNullable(document).map(PublishedPolicies::toView);
    }

    private Optional<PolicyView> latest() {
        return handle(new FindPolicyQuery(null));
    }

    private static PolicyView toView(Document document) {
        return new PolicyView(document.get("_id", Number.class).longValue(), document.getString("hash"), document.getString("publishedBy"),
                document.getDate("publishedAt").toInstant(), document.getString("document"));
    }
}
