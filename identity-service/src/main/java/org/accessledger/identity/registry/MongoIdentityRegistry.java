package org.accessledger.identity.registry;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.ContractExpired;
import org.accessledger.api.worker.HireCancelled;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.PersonalDataErased;
import org.accessledger.api.worker.WorkerHired;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerRehired;
import org.accessledger.api.worker.WorkerTerminated;
import org.accessledger.api.worker.WorkerTimelineCorrected;
import org.accessledger.identity.worker.IdentityRegistry;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Lookup tables of the work e-mails held by workers who are not terminated (kept as the vault's blind index of each
 * address, so no address is stored in the clear when personal data is sealed), and of every worker id ever hired, folded
 * to lower case (never released: a leaver's accounts keep the id). Its handlers run in the subscribing processing
 * group {@value #GROUP}, inside the unit of work that stores the event, so the tables are current for the next
 * command; the unique keys refuse a racing second hire.
 */
@Component
@ProcessingGroup(MongoIdentityRegistry.GROUP)
public class MongoIdentityRegistry implements IdentityRegistry {

    public static final String GROUP = "identity-registry";
    private static final Logger log = LoggerFactory.getLogger(MongoIdentityRegistry.class);

    private final MongoDatabase database;
    private final MongoCollection<Document> emails;
    private final MongoCollection<Document> emailOfWorker;
    private final MongoCollection<Document> workerIds;
    private final PersonalDataVault vault;

    /** Two collections, both keyed by {@code _id}, so every claim and release is a key lookup, never a scan. */
    public MongoIdentityRegistry(MongoDatabase database, PersonalDataVault vault) {
        this.database = database;
        this.vault = vault;
        this.emails = database.getCollection("worker_emails");
        this.emailOfWorker = database.getCollection("worker_email_of_worker");
        this.workerIds = database.getCollection("worker_ids_folded");
    }

    @Override
    public Optional<WorkerId> holderOfIdIgnoringCase(WorkerId id) {
        return Optional.ofNullable(workerIds.find(Filters.eq("_id", IdentityRegistry.folded(id))).first())
                .map(document -> WorkerId.of(document.getString("workerId")));
    }

    /** Fills the id table from the worker views of a data directory made before the table existed. */
    @EventListener(ApplicationReadyEvent.class)
    void claimIdsOfEarlierWorkers() {
        MongoCollection<Document> views = database.getCollection("worker_view");
        if (workerIds.find().first() != null || views.find().first() == null) {
            return;
        }
        for (Document view : views.find().projection(Projections.include("_id"))) {
            try {
                claimId(WorkerId.of(view.getString("_id")));
            } catch (RuleViolationException e) {
                log.warn("Workers {} and {} were hired before ids differing only in case were refused; targets may give them one account",
                        holderOfIdIgnoringCase(WorkerId.of(view.getString("_id"))).orElseThrow(), view.getString("_id"));
            }
        }
    }

    @Override
    public Optional<WorkerId> holderOf(String email) {
        return holderOfIndexed(vault.blindIndex(email));
    }

    private Optional<WorkerId> holderOfIndexed(String indexedEmail) {
        return Optional.ofNullable(emails.find(Filters.eq("_id", indexedEmail)).first())
                .map(document -> WorkerId.of(document.getString("workerId")));
    }

    @EventHandler
    void on(WorkerHired event) {
        claim(event.workerId(), event.person());
    }

    @EventHandler
    void on(WorkerRehired event) {
        claim(event.workerId(), event.person());
    }

    @EventHandler
    void on(WorkerTerminated event) {
        release(event.workerId());
    }

    @EventHandler
    void on(ContractExpired event) {
        release(event.workerId());
    }

    @EventHandler
    void on(HireCancelled event) {
        release(event.workerId());
    }

    @EventHandler
    void on(PersonalDataErased event) {
        release(event.workerId());
        emailOfWorker.deleteOne(Filters.eq("_id", event.workerId().value()));
    }

    /** A back-dated termination releases the e-mail; a rescinded one claims it back. */
    @EventHandler
    void on(WorkerTimelineCorrected event) {
        if (!event.status().holdsIdentity()) {
            release(event.workerId());
            return;
        }
        Document known = emailOfWorker.find(Filters.eq("_id", event.workerId().value())).first();
        if (known != null && holderOfIndexed(known.getString("email")).isEmpty()) {
            claimIndexedEmail(event.workerId(), known.getString("email"));
        }
    }

    private void claimId(WorkerId workerId) {
        Optional<WorkerId> holder = holderOfIdIgnoringCase(workerId);
        if (holder.isPresent()) {
            if (!holder.get().equals(workerId)) {
                throw caseCollision(holder.get());
            }
            return;
        }
        try {
            workerIds.insertOne(new Document("_id", IdentityRegistry.folded(workerId)).append("workerId", workerId.value()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            holderOfIdIgnoringCase(workerId).filter(other -> !other.equals(workerId)).ifPresent(other -> {
                throw caseCollision(other);
            });
        }
    }

    private void claim(WorkerId workerId, PersonDetails person) {
        claimId(workerId);
        claimIndexedEmail(workerId, vault.blindIndex(IdentityRegistry.normalise(person.email())));
    }

    private void claimIndexedEmail(WorkerId workerId, String email) {
        Optional<WorkerId> holder = holderOfIndexed(email);
        if (holder.isPresent() && !holder.get().equals(workerId)) {
            throw duplicate();
        }
        if (holder.isEmpty()) {
            try {
                emails.insertOne(new Document("_id", email).append("workerId", workerId.value()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw duplicate();
                }
                throw e;
            }
        }
        emailOfWorker.replaceOne(Filters.eq("_id", workerId.value()), new Document("_id", workerId.value()).append("email", email),
                new ReplaceOptions().upsert(true));
    }

    /** The worker keeps its e-mail on record, so that a rescinded termination can claim it back. */
    private void release(WorkerId workerId) {
        Document claimed = emailOfWorker.find(Filters.eq("_id", workerId.value())).first();
        if (claimed != null && holderOfIndexed(claimed.getString("email")).filter(workerId::equals).isPresent()) {
            // By _id alone: the embedded store uses its key only for a filter on _id and nothing else, and scans otherwise.
            emails.deleteOne(Filters.eq("_id", claimed.getString("email")));
        }
    }

    private static RuleViolationException caseCollision(WorkerId holder) {
        return new RuleViolationException(ErrorCode.WORKER_ID_CASE_COLLISION, "workerId",
                "Worker " + holder + " has this id but for case; targets would give both one account");
    }

    private static RuleViolationException duplicate() {
        return new RuleViolationException(ErrorCode.DUPLICATE_IDENTITY, "worker.email",
                "Another worker (not terminated) already has this e-mail: a suspected duplicate identity");
    }
}
