package org.accessledger.entitlement.approval;

/** Approvals in a status (PENDING by default), oldest request first. */
public record FindApprovalsQuery(ApprovalView.Status status) {
}
