package org.accessledger.connector.spi;

/** Takes an entitlement away; nothing if not held or if there is no account. */
public interface RemoveEntitlementOp {

    TargetAnswer removeEntitlement(String workerId, String entitlement);
}
