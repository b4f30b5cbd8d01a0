package org.accessledger.identity.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import org.accessledger.api.worker.*;
import org.accessledger.platform.storage.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.accessledger.api.worker.ChangeType.*;
import static org.accessledger.api.worker.WorkerStatus.*;

/**
 * The {@link WorkerView} of every worker, one MongoDB document each. A document remembers the sequence number of the
 * last event it applied, so redelivered events change nothing.
 */
@Component
@ProcessingGroup(WorkerViewProjection.GROUP)
public class WorkerViewProjection {

    public static final String GROUP = "worker-view";
    private static final String DUE_AT = "scheduled.dueAt";

    private final MongoCollection<Document> workers;
    private final VersionedDocuments<WorkerView> views;

    public WorkerViewProjection(MongoDatabase database, ObjectMapper objectMapper) {
        this.workers = database.getCollection("worker_view");
        this.views = new VersionedDocuments<>(workers, objectMapper, WorkerView.class, WorkerViewProjection::addDueDates);
        workers.createIndex(Indexes.ascending(DUE_AT), new IndexOptions().name("by_due_change"));
    }

    @EventHandler
    void on(WorkerHired event, @SequenceNumber long sequence) {
        update(event, sequence, view -> WorkerView.hired(event.workerId().value(), event.employment(), event.person(), event.assignment(), event.startDate()));
    }

    @EventHandler
    void on(WorkerRehired event, @SequenceNumber long sequence) {
        update(event, sequence, view -> WorkerView.hired(event.workerId().value(), event.employment(), event.person(), event.assignment(), event.startDate()));
    }

    @EventHandler
    void on(WorkerStarted event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withStatus(ACTIVE).withoutScheduled(event.hrEventId().value(), START));
    }

    @EventHandler
    void on(AssignmentChanged event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withAssignment(event.assignment()).withoutScheduled(event.hrEventId().value(), ASSIGNMENT_CHANGE));
    }

    @EventHandler
    void on(LeaveStarted event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withStatus(ON_LEAVE).withoutScheduled(event.hrEventId().value(), LEAVE_START));
    }

    @EventHandler
    void on(LeaveEnded event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withStatus(ACTIVE).withoutScheduled(event.hrEventId().value(), LEAVE_END));
    }

    @EventHandler
    void on(WorkerTerminated event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withStatus(TERMINATED).withoutScheduled(event.hrEventId().value(), TERMINATION));
    }

    @EventHandler
    void on(ContractExpired event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withStatus(TERMINATED).withoutScheduled(event.hrEventId().value(), CONTRACT_END));
    }

    @EventHandler
    void on(ContractEndChanged event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withEndDate(event.endDate()));
    }

    @EventHandler
    void on(HireCancelled event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withStatus(HIRE_CANCELLED));
    }

    @EventHandler
    void on(ChangeScheduled event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withScheduled(new WorkerView.Scheduled(event.hrEventId().value(), event.type(),
                event.effectiveAt(), event.assignmentChange(), event.reason())));
    }

    @EventHandler
    void on(ScheduledChangeCancelled event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.withoutScheduled(event.scheduledBy().value(), event.type()));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }

    @QueryHandler
    public Optional<WorkerView> handle(FindWorkerQuery query) {
        return views.find(query.workerId().value());
    }

    @QueryHandler
    public List<String> handle(FindWorkersWithDueChangesQuery query) {
        return workers.find(Filters.lte(DUE_AT, Date.from(query.now()))).projection(Projections.include("_id"))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    private void update(WorkerEvent event, long sequence, UnaryOperator<WorkerView> change) {
        views.update(event.workerId().value(), sequence, change);
    }

    /** A BSON date beside each scheduled change's ISO string, so the scheduler finds due changes with one query. */
    private static void addDueDates(Document document) {
        for (Document scheduled : document.getList("scheduled", Document.class)) {
            scheduled.put("dueAt", Date.from(Instant.parse(scheduled.getString("effectiveAt"))));
        }
    }
}
