package org.accessledger.entitlement.approval;

/** One approval by id. */
public record FindApprovalQuery(String approvalId) {
}
