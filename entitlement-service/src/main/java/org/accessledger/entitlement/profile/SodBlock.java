package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.EntitlementId;

import java.time.Instant;

/** A justified entitlement withheld because the worker holds the other side of an SoD pair; since when and why, where known. */
record SodBlock(EntitlementId conflictsWith, String sodRuleId, Instant since, AccessReason reason) {

    SodBlock(EntitlementId conflictsWith, String sodRuleId) {
        this(conflictsWith, sodRuleId, null, null);
    }
}
