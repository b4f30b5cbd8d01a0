package org.accessledger.entitlement.access;

import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.AccessStatus;

import java.time.Instant;

/** One holder of an entitlement: who, in what status, since when, why. */
public record HolderView(String workerId, AccessStatus status, Instant since, AccessReason reason) {
}
