package org.accessledger.connector.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.access.AccessGranted;
import org.accessledger.api.access.AccessRestored;
import org.accessledger.api.access.AccessRevoked;
import org.accessledger.api.access.AccessSuspended;
import org.accessledger.api.worker.ContractExpired;
import org.accessledger.api.worker.HireCancelled;
import org.accessledger.api.worker.PersonalDataErased;
import org.accessledger.api.worker.WorkerRehired;
import org.accessledger.api.worker.WorkerTerminated;
import org.accessledger.api.worker.WorkerTimelineCorrected;
import org.accessledger.api.worker.WorkerStatus;
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
 * Desired beside actual, per target and worker. Desired follows the access decisions, once per worker with each
 * grant's reason, and each target takes the entitlements it carries: so a target added later has its desired state
 * at once. Actual follows the recorded outcomes. Set operations keep it idempotent under redelivery.
 */
@Component
@ProcessingGroup(TargetAccountsProjection.GROUP)
public class TargetAccountsProjection {

    public static final String GROUP = "target-accounts";

    private final MongoCollection<Document> accounts;
    private final DesiredAccessStore desired;
    private final Targets targets;

    public TargetAccountsProjection(MongoDatabase database, DesiredAccessStore desired, Targets targets) {
        this.accounts = database.getCollection("target_accounts");
        this.desired = desired;
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
        desired.account(event.workerId().value(), DesiredAccess.ACTIVE, lifecycleReason(event, event.hrEventId()));
    }

    @EventHandler
    void on(WorkerTerminated event) {
        desired.account(event.workerId().value(), DesiredAccess.DISABLED, lifecycleReason(event, event.hrEventId()));
    }

    @EventHandler
    void on(PersonalDataErased event) {
        desired.account(event.workerId().value(), DesiredAccess.ERASED, lifecycleReason(event, null));
    }

    @EventHandler
    void on(ContractExpired event) {
        desired.account(event.workerId().value(), DesiredAccess.DISABLED, lifecycleReason(event, null));
    }

    @EventHandler
    void on(HireCancelled event) {
        desired.account(event.workerId().value(), DesiredAccess.DISABLED, lifecycleReason(event, event.hrEventId()));
    }

    /** A back-dated termination disables the account; a rescinded one makes it active again. */
    @EventHandler
    void on(WorkerTimelineCorrected event) {
        if (event.status() != WorkerStatus.PRE_HIRE) {
            desired.account(event.workerId().value(), event.status().holdsIdentity() ? DesiredAccess.ACTIVE : DesiredAccess.DISABLED,
                    lifecycleReason(event, event.hrEventId()));
        }
    }

    private static DesiredAccess.Reason lifecycleReason(Object event, org.accessledger.api.worker.HrEventId hrEventId) {
        return new DesiredAccess.Reason(event.getClass().getSimpleName(), hrEventId == null ? null : hrEventId.value(), null, null);
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
            case DELETE_ACCOUNT -> Updates.combine(Updates.set("actual.exists", false), Updates.set("actual.entitlements", List.of()));
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
        desired.clear();
    }

    /** Where the target has recorded an outcome for the worker, or the worker has an entitlement it carries. */
    @QueryHandler
    public Optional<TargetAccountView> handle(FindTargetAccountQuery query) {
        Optional<DesiredAccess> wanted = desired.of(query.workerId());
        Map<String, DesiredAccess.Reason> carried = targets.named(query.target()).flatMap(target -> wanted.map(access -> access.in(target))).orElse(Map.of());
        Document actual = accounts.find(Filters.eq("_id", query.target() + "|" + query.workerId())).first();
        if (actual == null && carried.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toView(query.target(), query.workerId(), wanted.map(DesiredAccess::account).orElse(null), List.copyOf(carried.keySet()),
                actual == null ? new Document() : actual));
    }

    /** SCIM's disable only deactivates the user, whose groups keep it until the revocations that follow. */
    private boolean disablingRemovesEntitlements(String target) {
        return targets.named(target).map(Target::disablingRemovesEntitlements).orElse(false);
    }

    private void desire(AccessEvent event, boolean wanted) {
        String workerId = event.workerId().value();
        String entitlement = event.entitlement().value();
        if (wanted) {
            AccessReason reason = event.reason();
            desired.grant(workerId, entitlement, new DesiredAccess.Reason(event.getClass().getSimpleName(),
                    reason.hrEventId() == null ? null : reason.hrEventId().value(), reason.ruleId(), reason.policyVersion()));
        } else {
            desired.revoke(workerId, entitlement);
        }
    }

    private void upsert(String target, String workerId, Bson change) {
        accounts.updateOne(Filters.eq("_id", target + "|" + workerId),
                Updates.combine(change, Updates.setOnInsert("target", target), Updates.setOnInsert("workerId", workerId)),
                new UpdateOptions().upsert(true));
    }

    private static TargetAccountView toView(String target, String workerId, String desiredAccount, List<String> desiredEntitlements, Document document) {
        Document actual = document.get("actual", new Document());
        Document failure = document.get("lastFailure", Document.class);
        return new TargetAccountView(target, workerId,
                new TargetAccountView.Desired(desiredAccount, desiredEntitlements),
                new TargetAccountView.Actual(actual.getBoolean("exists", false), actual.getBoolean("disabled", false),
                        actual.getList("entitlements", String.class, List.of()),
                        actual.getDate("lastChangedAt") == null ? null : actual.getDate("lastChangedAt").toInstant()),
                failure == null ? null : new TargetAccountView.Failure(Operation.valueOf(failure.getString("operation")),
                        failure.getString("entitlement"), failure.getInteger("attempts"), failure.getString("error"), failure.getString("code"),
                        failure.getDate("at").toInstant()));
    }
}
