package org.accessledger.entitlement.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One access decision as an auditor exports it, a flat row; or one period a retroactive HR change corrected
 * ({@code change} {@code PERIOD_HELD_WITHOUT_JUSTIFICATION} or {@code PERIOD_MISSING}, from {@code effectiveAt} to
 * {@code until}).
 */
@JsonPropertyOrder({"effectiveAt", "recordedAt", "workerId", "entitlement", "change", "ruleId", "policyVersion",
        "hrEventId", "causeEventId", "approver", "comment", "eventId", "until"})
public record AccessChange(String effectiveAt,
                           String recordedAt,
                           String workerId,
                           String entitlement,
                           String change,
                           String ruleId,
                           Long policyVersion,
                           String hrEventId,
                           String causeEventId,
                           String approver,
                           String comment,
                           String eventId,
                           String until) {
}
