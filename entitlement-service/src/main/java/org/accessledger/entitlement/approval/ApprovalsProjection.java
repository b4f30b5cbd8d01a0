package org.accessledger.entitlement.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.access.AccessGranted;
import org.accessledger.api.access.ApprovalRejected;
import org.accessledger.api.access.ApprovalRequested;
import org.accessledger.api.access.ApprovalWithdrawn;
import org.accessledger.platform.storage.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every approval request and its outcome, one document per request. */
@Component
@ProcessingGroup(ApprovalsProjection.GROUP)
public class ApprovalsProjection {

    public static final String GROUP = "approvals";

    private final MongoCollection<Document> collection;
    private final VersionedDocuments<ApprovalView> approvals;

    public ApprovalsProjection(MongoDatabase database, ObjectMapper objectMapper) {
        this.collection = database.getCollection("approvals");
        this.approvals = new VersionedDocuments<>(collection, objectMapper, ApprovalView.class, document -> {
        });
    }

    @EventHandler
    void on(ApprovalRequested event, @SequenceNumber long sequence) {
        approvals.update(event.approvalId(), sequence, view -> new ApprovalView(event.approvalId(), event.workerId().value(),
                event.entitlement(), ApprovalView.Status.PENDING, event.effectiveAt(), event.reason(), null, null));
    }

    @EventHandler
    void on(AccessGranted event, @SequenceNumber long sequence) {
        event.reason().approvalId().ifPresent(approvalId -> decide(approvalId, sequence, ApprovalView.Status.APPROVED, event));
    }

    @EventHandler
    void on(ApprovalRejected event, @SequenceNumber long sequence) {
        decide(event.approvalId(), sequence, ApprovalView.Status.REJECTED, event);
    }

    @EventHandler
    void on(ApprovalWithdrawn event, @SequenceNumber long sequence) {
        decide(event.approvalId(), sequence, ApprovalView.Status.WITHDRAWN, event);
    }

    @ResetHandler
    void reset() {
        approvals.deleteAll();
    }

    @QueryHandler
    public List<ApprovalView> handle(FindApprovalsQuery query) {
        ApprovalView.Status status = query.status() == null ? ApprovalView.Status.PENDING : query.status();
        return collection.find(Filters.eq("status", status.name())).sort(Sorts.ascending("requestedAt"))
                .map(approvals::toView).into(new ArrayList<>());
    }

    @QueryHandler
    public Optional<ApprovalView> handle(FindApprovalQuery query) {
        return approvals.find(query.approvalId());
    }

    private void decide(String approvalId, long sequence, ApprovalView.Status status, AccessEvent event) {
        approvals.update(approvalId, sequence, view -> view == null ? null : new ApprovalView(view.approvalId(), view.workerId(),
                view.entitlement(), status, view.requestedAt(), view.requestReason(), event.effectiveAt(), event.reason()));
    }
}
