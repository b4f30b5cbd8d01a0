package org.accessledger.connector.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.accessledger.api.WorkerScoped;
import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.access.AccessGranted;
import org.accessledger.api.access.AccessRestored;
import org.accessledger.api.access.AccessRevoked;
import org.accessledger.api.access.AccessSuspended;
import org.accessledger.api.worker.ContractExpired;
import org.accessledger.api.worker.HireCancelled;
import org.accessledger.api.worker.WorkerRehired;
import org.accessledger.api.worker.WorkerTerminated;
import org.accessledger.connector.spi.TargetAnswer;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Desired beside actual, per target and worker. Desired follows the access decisions for the entitlements each target
 * carries; actual follows the recorded outcomes. Set operations keep it idempotent under redelivery.
 */
@Component
@ProcessingGroup(TargetAccountsProjection.GROUP)
public class TargetAccountsProjection {

    public static final String GROUP = "target-accounts";

    private final MongoCollection<Document> accounts;
    private final Targets targets;

    public TargetAccountsProjection(MongoDatabase database, Targets targets) {
        this.accounts = database.getCollection("target_accounts");
        this.targets = targets;
    }

    @EventHandler
    void on(AccessGranted event) {
        desire(event, true);
    }

    @EventHandler
    void on(AccessRestored event) {
        desire(event, true);
    }

    @EventHandler
    void on(AccessRevoked event) {
        desire(event, false);
    }

    @EventHandler
    void on(AccessSuspended event) {
        desire(event, false);
    }

    @EventHandler
    void on(WorkerRehired event) {
        accountWanted(event, "ACTIVE");
    }

    @EventHandler
    void on(WorkerTerminated event) {
        accountWanted(event, "DISABLED");
    }

    @EventHandler
    void on(ContractExpired event) {
        accountWanted(event, "DISABLED");
    }

    @EventHandler
    void on(HireCancelled event) {
        accountWanted(event, "DISABLED");
    }

    @EventHandler
    void on(ProvisioningSucceeded event) {
        List<Bson> changes = event.answer() == null ? List.of(intended(event)) : answered(event.answer());
        for (Bson change : changes) {
            upsert(event.target(), event.workerId().value(), Updates.combine(change, Updates.set("actual.lastChangedAt", Date.from(event.at()))));
        }
    }

    /** What the target said; an entitlement held and another not held are two writes, as one update cannot both add to and pull from a set. */
    private static List<Bson> answered(TargetAnswer answer) {
        List<Bson> account = new ArrayList<>();
        if (answer.exists() != null) {
            account.add(Updates.set("actual.exists", answer.exists()));
        }
        if (answer.disabled() != null) {
            account.add(Updates.set("actual.disabled", answer.disabled()));
        }
        List<String> held = answer.entitlements().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
        List<String> notHeld = answer.entitlements().entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey).sorted().toList();
        List<Bson> changes = new ArrayList<>();
        if (answer.holdsNothingElse()) {
            account.add(Updates.set("actual.entitlements", held));
        } else {
            if (!held.isEmpty()) {
                account.add(Updates.addEachToSet("actual.entitlements", held));
            }
            if (!notHeld.isEmpty()) {
                changes.add(Updates.pullAll("actual.entitlements", notHeld));
            }
        }
        changes.add(0, Updates.combine(account));
        return changes;
    }

    /** Events of revision 1 carry no answer: what the operation was meant to do is all there is. */
    private Bson intended(ProvisioningSucceeded event) {
        return switch (event.operation()) {
            case CREATE_ACCOUNT -> Updates.combine(Updates.set("actual.exists", true), Updates.set("actual.disabled", false));
            case UPDATE_ACCOUNT -> Updates.set("actual.exists", true);
            case ADD_ENTITLEMENT -> Updates.addToSet("actual.entitlements", event.entitlement());
            case REMOVE_ENTITLEMENT -> Updates.pull("actual.entitlements", event.entitlement());
            case DISABLE_ACCOUNT -> disablingRemovesEntitlements(event.target())
                    ? Updates.combine(Updates.set("actual.disabled", true), Updates.set("actual.entitlements", List.of()))
                    : Updates.set("actual.disabled", true);
        };
    }

    @EventHandler
    void on(ProvisioningFailed event) {
        upsert(event.target(), event.workerId().value(), Updates.set("lastFailure", new Document("operation", event.operation().name())
                .append("entitlement", event.entitlement()).append("attempts", event.attempts())
                .append("error", event.error()).append("code", event.code()).append("at", Date.from(event.at()))));
    }

    @ResetHandler
    void reset() {
        accounts.deleteMany(new Document());
    }

    @QueryHandler
    public Optional<TargetAccountView> handle(FindTargetAccountQuery query) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", query.target() + "|" + query.workerId())).first())
                .map(TargetAccountsProjection::toView);
    }

    /** SCIM's disable only deactivates the user, whose groups keep it until the revocations that follow. */
    private boolean disablingRemovesEntitlements(String target) {
        return targets.named(target).map(Target::disablingRemovesEntitlements).orElse(false);
    }

    private void desire(AccessEvent event, boolean wanted) {
        for (Target target : targets.all()) {
            if (target.settings().carries(event.entitlement().value())) {
                String entitlement = event.entitlement().value();
                upsert(target.name(), event.workerId().value(), wanted
                        ? Updates.combine(Updates.addToSet("desired.entitlements", entitlement), Updates.set("desired.account", "ACTIVE"))
                        : Updates.pull("desired.entitlements", entitlement));
            }
        }
    }

    /**
     * Only where the worker already has an account, hence no upsert. Not {@code countDocuments} first: that is an
     * aggregation, which the embedded store answers by reading the whole collection (seconds at 100,000 accounts).
     */
    private void accountWanted(WorkerScoped event, String state) {
        for (Target target : targets.all()) {
            accounts.updateOne(Filters.eq("_id", target.name() + "|" + event.workerId().value()), Updates.set("desired.account", state));
        }
    }

    private void upsert(String target, String workerId, Bson change) {
        accounts.updateOne(Filters.eq("_id", target + "|" + workerId),
                Updates.combine(change, Updates.setOnInsert("target", target), Updates.setOnInsert("workerId", workerId)),
                new UpdateOptions().upsert(true));
    }

    private static TargetAccountView toView(Document document) {
        Document desired = document.get("desired", new Document());
        Document actual = document.get("actual", new Document());
        Document failure = document.get("lastFailure", Document.class);
        return new TargetAccountView(document.getString("target"), document.getString("workerId"),
                new TargetAccountView.Desired(desired.getString("account"), desired.getList("entitlements", String.class, List.of())),
                new TargetAccountView.Actual(actual.getBoolean("exists", false), actual.getBoolean("disabled", false),
                        actual.getList("entitlements", String.class, List.of()),
                        actual.getDate("lastChangedAt") == null ? null : actual.getDate("lastChangedAt").toInstant()),
                failure == null ? null : new TargetAccountView.Failure(Operation.valueOf(failure.getString("operation")),
                        failure.getString("entitlement"), failure.getInteger("attempts"), failure.getString("error"), failure.getString("code"),
                        failure.getDate("at").toInstant()));
    }
}
