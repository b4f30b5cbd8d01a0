package org.accessledger.connector.spi;

/** Grants an entitlement (application:entitlement) to an existing account; nothing if already held. */
public interface AddEntitlementOp {

    TargetAnswer addEntitlement(String workerId, String entitlement);
}
