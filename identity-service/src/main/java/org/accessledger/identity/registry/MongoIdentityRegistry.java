package org.accessledger.identity.registry;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.ContractExpired;
import org.accessledger.api.worker.HireCancelled;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerHired;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerRehired;
import org.accessledger.api.worker.WorkerTerminated;
import org.accessledger.identity.worker.IdentityRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Lookup table of the work e-mails held by workers who are not terminated. Its handlers run in the subscribing
 * processing group {@value #GROUP}, inside the unit of work that stores the event, so the table is current for the
 * next command; the unique key on the e-mail refuses a racing second hire.
 */
@Component
@ProcessingGroup(MongoIdentityRegistry.GROUP)
public class MongoIdentityRegistry implements IdentityRegistry {

    public static final String GROUP = "identity-registry";

    private final MongoCollection<Document> emails;
    private final MongoCollection<Document> emailOfWorker;

    /** Two collections, both keyed by {@code _id}, so every claim and release is a key lookup, never a scan. */
    public MongoIdentityRegistry(MongoDatabase database) {
        this.emails = database.getCollection("worker_emails");
        this.emailOfWorker = database.getCollection("worker_email_of_worker");
    }

    @Override
    public Optional<WorkerId> holderOf(String email) {
        return Optional.ofNullable(emails.find(Filters.eq("_id", email)).first())
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

    private void claim(WorkerId workerId, PersonDetails person) {
        String email = IdentityRegistry.normalise(person.email());
        Optional<WorkerId> holder = holderOf(email);
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

    private void release(WorkerId workerId) {
        Document claimed = emailOfWorker.findOneAndDelete(Filters.eq("_id", workerId.value()));
        if (claimed != null && holderOf(claimed.getString("email")).filter(workerId::equals).isPresent()) {
            // By _id alone: the embedded store uses its key only for a filter on _id and nothing else, and scans otherwise.
            emails.deleteOne(Filters.eq("_id", claimed.getString("email")));
        }
    }

    private static RuleViolationException duplicate() {
        return new RuleViolationException(ErrorCode.DUPLICATE_IDENTITY, "worker.email",
                "Another worker (not terminated) already has this e-mail: a suspected duplicate identity");
    }
}
