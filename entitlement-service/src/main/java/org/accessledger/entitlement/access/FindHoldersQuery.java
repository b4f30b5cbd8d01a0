package org.accessledger.entitlement.access;

import org.accessledger.api.access.EntitlementId;

/** The workers who hold (granted or suspended) an entitlement now. */
public record FindHoldersQuery(EntitlementId entitlement) {
}
