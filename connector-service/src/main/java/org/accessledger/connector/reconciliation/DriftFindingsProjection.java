package org.accessledger.connector.reconciliation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.accessledger.connector.account.DriftFound;
import org.accessledger.connector.account.DriftRepaired;
import org.accessledger.connector.reconciliation.ReconciliationEvents.OrphanAccountFound;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Every finding of every run with what was done about it ({@code drift_findings}), for the drift API. */
@Component
@ProcessingGroup(DriftFindingsProjection.GROUP)
public class DriftFindingsProjection {

    public static final String GROUP = "drift-findings";

    private final MongoCollection<Document> findings;
    private final PersonalDataVault vault;

    public DriftFindingsProjection(MongoDatabase database, PersonalDataVault vault) {
        this.findings = database.getCollection("drift_findings");
        this.vault = vault;
    }

    @EventHandler
    void on(DriftFound event) {
        String workerId = event.workerId().value();
        findings.replaceOne(Filters.eq("_id", event.findingId()), new Document("_id", event.findingId())
                .append("reconciliationId", event.reconciliationId()).append("target", event.target())
                .append("workerId", event.workerId().value()).append("accountName", event.accountName()).append("kind", event.kind().name())
                .append("subject", event.subject()).append("expected", vault.seal(workerId, event.expected()))
                .append("actual", vault.seal(workerId, event.actual()))
                .append("reason", event.reason()).append("action", event.repair() ? "REPAIRING" : "REPORTED")
                .append("foundAt", Date.from(event.at())), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(DriftRepaired event) {
        findings.updateOne(Filters.eq("_id", event.findingId()), Updates.set("action", event.outcome().name()));
    }

    @EventHandler
    void on(OrphanAccountFound event) {
        String id = event.reconciliationId() + "/orphan/" + event.accountName();
        findings.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("reconciliationId", event.reconciliationId())
                .append("target", event.target()).append("workerId", null).append("accountName", event.accountName())
                .append("kind", "ORPHAN_ACCOUNT").append("expected", "no account").append("actual", event.owner() == null ? "account" : "account of " + event.owner())
                .append("reason", "no worker owns " + event.accountName()).append("action", event.remedy())
                .append("foundAt", Date.from(event.at())), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(ReconciliationEvents.DuplicateGroupFound event) {
        String id = event.reconciliationId() + "/duplicate/" + event.entitlement();
        findings.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("reconciliationId", event.reconciliationId())
                .append("target", event.target()).append("workerId", null).append("kind", "DUPLICATE_GROUP").append("subject", event.entitlement())
                .append("expected", "one group").append("actual", "groups " + String.join(", ", event.groups()))
                .append("reason", "grants go to the first; revocations leave every one").append("action", "REPORTED")
                .append("foundAt", Date.from(event.at())), new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        findings.deleteMany(new Document());
    }

    /** The findings of one run, optionally of one kind or worker, in the order found. */
    public List<DriftView> of(String reconciliationId, String kind, String workerId) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("reconciliationId", reconciliationId)));
        if (kind != null) {
            filters.add(Filters.eq("kind", kind));
        }
        if (workerId != null) {
            filters.add(Filters.eq("workerId", workerId));
        }
        List<DriftView> views = new ArrayList<>();
        findings.find(Filters.and(filters)).sort(Sorts.ascending("foundAt", "_id")).forEach(document -> views.add(toView(document)));
        return views;
    }

    private String opened(String workerId, String value) {
        return workerId == null ? value : vault.open(workerId, value);
    }

    /** How many of the run's repairs ended with {@code action}. */
    public long count(String reconciliationId, String action) {
        return findings.countDocuments(Filters.and(Filters.eq("reconciliationId", reconciliationId), Filters.eq("action", action)));
    }

    private DriftView toView(Document document) {
        String workerId = document.getString("workerId");
        return new DriftView(document.getString("_id"), document.getString("reconciliationId"), document.getString("target"),
                workerId, document.getString("accountName"), document.getString("kind"), document.getString("subject"),
                opened(workerId, document.getString("expected")), opened(workerId, document.getString("actual")),
                document.getString("reason"), document.getString("action"),
                document.getDate("foundAt").toInstant());
    }
}
