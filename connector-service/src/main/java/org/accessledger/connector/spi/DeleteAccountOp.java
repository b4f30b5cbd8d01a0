package org.accessledger.connector.spi;

/** Deletes the account and its memberships; nothing if there is none. */
public interface DeleteAccountOp {

    void deleteAccount(String workerId);
}
