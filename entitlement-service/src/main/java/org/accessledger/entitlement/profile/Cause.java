package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessReason;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;

import java.time.Instant;

/**
 * What triggered an evaluation of a worker's access.
 *
 * @param lifecycleRule the rule named in removals caused by the lifecycle ({@code termination}, {@code contract-expiry},
 *                      {@code hire-cancellation}), or {@code null} when each removal names the rule that no longer applies
 */
record Cause(WorkerId workerId, String causeEventId, HrEventId hrEventId, Instant effectiveAt, String lifecycleRule) {

    AccessReason reason(String ruleId, long policyVersion) {
        return AccessReason.of(causeEventId, hrEventId, ruleId, policyVersion);
    }
}
