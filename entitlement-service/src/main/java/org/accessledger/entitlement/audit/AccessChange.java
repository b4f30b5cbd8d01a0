package org.accessledger.entitlement.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One access decision as an auditor exports it: a flat row. */
@JsonPropertyOrder({"effectiveAt", "recordedAt", "workerId", "entitlement", "change", "ruleId", "policyVersion",
        "hrEventId", "causeEventId", "approver", "comment", "eventId"})
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
                           String eventId) {
}
