package org.accessledger.connector.provisioning;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.connector.spi.AccountSpec;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The person details targets keep in accounts, as the connector service learned them from hires and moves. Written by
 * each target's provisioner before that target's later events of the same worker, so the details are there in time.
 */
@Component
public class WorkerDirectory {

    private final MongoCollection<Document> people;

    public WorkerDirectory(MongoDatabase database) {
        this.people = database.getCollection("provisioning_directory");
    }

    void record(WorkerId workerId, PersonDetails person, Assignment assignment) {
        people.updateOne(Filters.eq("_id", workerId.value()), Updates.combine(
                Updates.set("givenName", person.givenName()),
                Updates.set("familyName", person.familyName()),
                Updates.set("email", person.email()),
                Updates.set("workerType", person.workerType().name()),
                Updates.set("department", assignment.department()),
                Updates.set("managerId", assignment.managerId() == null ? null : assignment.managerId().value())), new UpdateOptions().upsert(true));
    }

    void reassign(WorkerId workerId, Assignment assignment) {
        people.updateOne(Filters.eq("_id", workerId.value()), Updates.combine(
                Updates.set("department", assignment.department()),
                Updates.set("managerId", assignment.managerId() == null ? null : assignment.managerId().value())), new UpdateOptions().upsert(true));
    }

    AccountSpec accountOf(WorkerId workerId) {
        Document person = people.find(Filters.eq("_id", workerId.value())).first();
        if (person == null) {
            return new AccountSpec(workerId.value(), null, null, null, null, null, null);
        }
        return new AccountSpec(workerId.value(), person.getString("givenName"), person.getString("familyName"), person.getString("email"),
                person.getString("workerType"), person.getString("department"), person.getString("managerId"));
    }
}
