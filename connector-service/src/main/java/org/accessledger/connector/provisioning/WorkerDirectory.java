package org.accessledger.connector.provisioning;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The person details targets keep in accounts, as the connector service learned them from hires and moves, and in
 * which targets the worker's account is known to be in place. Written by each target's provisioner before that
 * target's later events of the same worker, so the details are there in time. Names and e-mail addresses are kept
 * sealed by the vault.
 */
@Component
public class WorkerDirectory {

    private static final String ACCOUNTS_IN_PLACE = "accountsInPlace";

    private final MongoCollection<Document> people;
    private final MongoCollection<Document> awaitingManager;
    private final PersonalDataVault vault;

    public WorkerDirectory(MongoDatabase database, PersonalDataVault vault) {
        this.vault = vault;
        this.people = database.getCollection("provisioning_directory");
        this.awaitingManager = database.getCollection("provisioning_awaiting_manager");
    }

    public void record(WorkerId workerId, PersonDetails person, Assignment assignment) {
        String id = workerId.value();
        people.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("givenName", vault.seal(id, person.givenName())),
                Updates.set("familyName", vault.seal(id, person.familyName())),
                Updates.set("email", vault.seal(id, person.email())),
                Updates.set("workerType", person.workerType().name()),
                Updates.set("department", assignment.department()),
                Updates.set("managerId", assignment.managerId() == null ? null : assignment.managerId().value())), new UpdateOptions().upsert(true));
    }

    void reassign(WorkerId workerId, Assignment assignment) {
        people.updateOne(Filters.eq("_id", workerId.value()), Updates.combine(
                Updates.set("department", assignment.department()),
                Updates.set("managerId", assignment.managerId() == null ? null : assignment.managerId().value())), new UpdateOptions().upsert(true));
    }

    /** True once this target's provisioner created or re-enabled the account, until it disables the account again. */
    boolean accountInPlace(WorkerId workerId, String target) {
        Document person = people.find(Filters.eq("_id", workerId.value())).projection(Projections.include(ACCOUNTS_IN_PLACE)).first();
        return person != null && person.getList(ACCOUNTS_IN_PLACE, String.class, List.of()).contains(target);
    }

    void recordAccountInPlace(WorkerId workerId, String target, boolean inPlace) {
        people.updateOne(Filters.eq("_id", workerId.value()),
                inPlace ? Updates.addToSet(ACCOUNTS_IN_PLACE, target) : Updates.pull(ACCOUNTS_IN_PLACE, target), new UpdateOptions().upsert(true));
    }

    /** Remembers that {@code report}'s account in {@code target} still lacks its reference to {@code manager}'s account. */
    void awaitManager(String target, String manager, String report) {
        awaitingManager.updateOne(Filters.eq("_id", target + "|" + manager), Updates.addToSet("reports", report), new UpdateOptions().upsert(true));
    }

    /** The reports awaiting {@code manager}'s account in {@code target}, forgotten as they are handed out. */
    List<String> reportsAwaiting(String target, String manager) {
        Document awaiting = awaitingManager.findOneAndDelete(Filters.eq("_id", target + "|" + manager));
        return awaiting == null ? List.of() : awaiting.getList("reports", String.class, List.of());
    }

    AccountSpec accountOf(WorkerId workerId) {
        Document person = people.find(Filters.eq("_id", workerId.value())).first();
        if (person == null) {
            return new AccountSpec(workerId.value(), null, null, null, null, null, null);
        }
        return toSpec(person);
    }

    /** The details of each of {@code workerIds} the directory knows, in one read; a worker it does not know is absent. */
    public Map<String, AccountSpec> accountsOf(Collection<String> workerIds) {
        Map<String, AccountSpec> found = new HashMap<>();
        // By _id alone, which the embedded store answers from its index; any further condition makes it read every document.
        people.find(Filters.in("_id", workerIds)).forEach(person -> {
            if (person.containsKey("givenName")) {
                found.put(person.getString("_id"), toSpec(person));
            }
        });
        return found;
    }

    private AccountSpec toSpec(Document person) {
        String id = person.getString("_id");
        return new AccountSpec(id, vault.open(id, person.getString("givenName")), vault.open(id, person.getString("familyName")),
                vault.open(id, person.getString("email")),
                person.getString("workerType"), person.getString("department"), person.getString("managerId"));
    }
}
