package org.accessledger.connector.spi;

/** Deletes the account and its memberships; nothing if there is none. */
public interface DeleteAccountOp {

    TargetAnswer deleteAccount(String workerId);
}
