package org.accessledger.identity.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import org.accessledger.api.worker.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

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
    private static final String VERSION = "appliedSequence";
    private static final String DUE_AT = "scheduled.dueAt";

    private final MongoCollection<Document> workers;
    private final ObjectMapper objectMapper;

    public WorkerViewProjection(MongoDatabase database, ObjectMapper objectMapper) {
        this.workers = database.getCollection("worker_view");
        this.objectMapper = objectMapper;
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
        workers.deleteMany(new Document());
    }

    @QueryHandler
    public Optional<WorkerView> handle(FindWorkerQuery query) {
        return Optional.ofNullable(workers.find(Filters.eq("_id", query.workerId().value())).first()).map(this::toView);
    }

    @QueryHandler
    public List<String> handle(FindWorkersWithDueChangesQuery query) {
        return workers.find(Filters.lte(DUE_AT, Date.from(query.now()))).projection(Projections.include("_id"))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    private void update(WorkerEvent event, long sequence, UnaryOperator<WorkerView> change) {
        String id = event.workerId().value();
        Document current = workers.find(Filters.eq("_id", id)).first();
        if (current != null && current.get(VERSION, Number.class).longValue() >= sequence) {
            return;
        }
        WorkerView updated = change.apply(current == null ? null : toView(current));
        workers.replaceOne(Filters.eq("_id", id), toDocument(updated, sequence), new ReplaceOptions().upsert(true));
    }

    private Document toDocument(WorkerView view, long sequence) {
        try {
            Document document = Document.parse(objectMapper.writeValueAsString(view));
            document.put("_id", view.workerId());
            document.put(VERSION, sequence);
            // A BSON date beside each ISO string, so the scheduler can ask for due changes with one indexed query.
            List<Document> scheduled = document.getList("scheduled", Document.class);
            for (int i = 0; i < scheduled.size(); i++) {
                scheduled.get(i).put("dueAt", Date.from(view.scheduled().get(i).effectiveAt()));
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the view of worker " + view.workerId(), e);
        }
    }

    private WorkerView toView(Document document) {
        try {
            return objectMapper.readValue(document.toJson(), WorkerView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the view of worker " + document.get("_id"), e);
        }
    }
}
