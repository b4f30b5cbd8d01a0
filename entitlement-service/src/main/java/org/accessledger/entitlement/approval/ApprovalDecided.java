package org.accessledger.entitlement.approval;

/** The answer to a decision: what was decided, by whom. The approvals list shows the outcome moments later. */
public record ApprovalDecided(String approvalId, String workerId, String entitlement, ApprovalDecision.Decision decision,
                              String approver, String comment) {
}
