package org.accessledger.entitlement.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.accessledger.api.WorkerScoped;
import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.entitlement.profile.CurrentAccessSource;
import org.accessledger.entitlement.profile.WorkerChangesToAccess;
import org.accessledger.platform.axon.ReadYourWrites;
import org.accessledger.entitlement.profile.WorkerFactsChanged;
import org.accessledger.platform.storage.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Current access of every worker, one MongoDB document each, with the facts the decisions rested on. */
@Component
@ProcessingGroup(CurrentAccessProjection.GROUP)
public class CurrentAccessProjection implements CurrentAccessSource {

    public static final String GROUP = "access-current";

    private final MongoCollection<Document> collection;
    private final VersionedDocuments<AccessView> views;

    /** How long a roll-out waits for this view before its processor tries the publication again. */
    private static final Duration ROLLOUT_WAIT = Duration.ofSeconds(30);

    private final ReadYourWrites readYourWrites;

    public CurrentAccessProjection(MongoDatabase database, ObjectMapper objectMapper, ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.collection = database.getCollection("access_current");
        this.views = new VersionedDocuments<>(collection, objectMapper, AccessView.class, document -> {
        });
    }

    @EventHandler
    void on(WorkerFactsChanged event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        update(event, sequence, event, eventId);
    }

    @EventHandler
    void on(AccessEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        update(event, sequence, event, eventId);
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }

    @QueryHandler
    public Optional<AccessView> handle(FindCurrentAccessQuery query) {
        return views.find(query.workerId().value());
    }

    @Override
    public void awaitDecisionsUpTo(long position) {
        readYourWrites.awaitRead(List.of(WorkerChangesToAccess.GROUP, GROUP), position, ROLLOUT_WAIT);
    }

    /** Every worker's current access, one at a time (for a policy roll-out). */
    @Override
    public void forEach(Consumer<CurrentAccessSource.WorkerAccess> action) {
        collection.find().forEach(document -> action.accept(toWorkerAccess(views.toView(document))));
    }

    private static CurrentAccessSource.WorkerAccess toWorkerAccess(AccessView view) {
        return new CurrentAccessSource.WorkerAccess(WorkerId.of(view.workerId()), view.workerStatus(), view.workerType(), view.assignment(),
                view.items().stream().map(item -> new CurrentAccessSource.WorkerAccess.Held(item.entitlement(), item.status(), item.since(),
                        item.reason(), item.approvalId())).toList(),
                view.conflicts().stream().map(conflict -> new CurrentAccessSource.WorkerAccess.Blocked(conflict.entitlement(),
                        conflict.conflictsWith(), conflict.reason().ruleId())).toList());
    }

    private void update(WorkerScoped scoped, long sequence, Object event, String eventId) {
        String workerId = scoped.workerId().value();
        views.update(workerId, sequence, view -> AccessViewFold.apply(view == null ? AccessView.empty(workerId) : view, event, eventId));
    }
}
