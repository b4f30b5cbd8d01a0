package org.accessledger.identity.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.accessledger.api.worker.*;
import org.accessledger.identity.schedule.DueChanges;
import org.accessledger.identity.schedule.FindWorkersWithDueChangesQuery;
import org.accessledger.identity.schedule.SchedulingProperties;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.accessledger.platform.storage.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Comparator;
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

    private final VersionedDocuments<WorkerView> views;
    private final DueChanges dueChanges;

    public WorkerViewProjection(MongoDatabase database, ObjectMapper objectMapper, SchedulingProperties scheduling, PersonalDataVault vault) {
        MongoCollection<Document> workers = database.getCollection("worker_view");
        this.views = new VersionedDocuments<>(workers, objectMapper, WorkerView.class, vault);
        this.dueChanges = new DueChanges(database, scheduling.rescanInterval());
        if (dueChanges.created()) {
            workers.find().forEach(document -> recordDueChange(views.toView(document)));
        }
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
    void on(WorkerTimelineCorrected event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.corrected(event.status(), event.assignment(), event.startDate()));
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

    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        update(event, sequence, WorkerView::withPersonalDataErased);
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
        dueChanges.clear();
    }

    @QueryHandler
    public Optional<AppliedWorkerView> handle(FindWorkerQuery query) {
        return views.find(query.workerId().value(), AppliedWorkerView::new);
    }

    @QueryHandler
    public List<WorkerView> handle(ListWorkersQuery query) {
        return views.page(query.afterWorkerId(), query.limit());
    }

    @QueryHandler
    public List<String> handle(FindWorkersWithDueChangesQuery query) {
        return dueChanges.dueBy(query.now());
    }

    private void update(WorkerEvent event, long sequence, UnaryOperator<WorkerView> change) {
        // Also when the event was applied before: the due change is then brought in line after a crash between the two writes.
        views.update(event.workerId().value(), sequence, change).ifPresent(this::recordDueChange);
    }

    private void recordDueChange(WorkerView view) {
        dueChanges.record(view.workerId(), view.scheduled().stream().map(WorkerView.Scheduled::effectiveAt).min(Comparator.naturalOrder()));
    }
}
