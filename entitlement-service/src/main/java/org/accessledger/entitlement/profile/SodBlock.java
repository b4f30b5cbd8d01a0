package org.accessledger.entitlement.profile;

import org.accessledger.api.access.EntitlementId;

/** A justified entitlement withheld because the worker holds the other side of an SoD pair. */
record SodBlock(EntitlementId conflictsWith, String sodRuleId) {
}
