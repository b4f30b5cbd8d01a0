package org.accessledger.entitlement.approval;

/** An approver's answer: APPROVE or REJECT, with an optional comment. */
public record ApprovalDecision(Decision decision, String comment) {

    public enum Decision {
        APPROVE, REJECT
    }
}
