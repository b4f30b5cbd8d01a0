package org.accessledger.api.access;

import org.accessledger.api.worker.HrEventId;

import java.util.Optional;

/**
 * Why an access decision was made: the event that caused it, the HR event behind that, the policy rule and version
 * that decided it, and the approver (with comment) where a person decided.
 *
 * @param causeEventId  identifier of the event message that triggered the decision
 * @param hrEventId     the HR event behind the cause, or {@code null} for a policy publication or an approval
 * @param ruleId        the birthright, SoD or lifecycle rule applied, e.g. {@code finance-dept}, {@code termination}
 * @param policyVersion the version of the access policy the decision used
 */
public record AccessReason(String causeEventId,
                           HrEventId hrEventId,
                           String ruleId,
                           long policyVersion,
                           String approver,
                           String comment) {

    /** The cause of a grant a person approved: this prefix and the approval id. */
    private static final String APPROVAL_CAUSE = "approval:";

    /** The {@code causeEventId} of a decision a person took on approval request {@code approvalId}. */
    public static String approvalCause(String approvalId) {
        return APPROVAL_CAUSE + approvalId;
    }

    /** The approval behind this decision, if a person decided it. */
    public Optional<String> approvalId() {
        return causeEventId != null && causeEventId.startsWith(APPROVAL_CAUSE)
                ? Optional.of(causeEventId.substring(APPROVAL_CAUSE.length())) : Optional.empty();
    }

    public static AccessReason of(String causeEventId, HrEventId hrEventId, String ruleId, long policyVersion) {
        return new AccessReason(causeEventId, hrEventId, ruleId, policyVersion, null, null);
    }

    public AccessReason withRule(String newRuleId) {
        return new AccessReason(causeEventId, hrEventId, newRuleId, policyVersion, approver, comment);
    }
}
