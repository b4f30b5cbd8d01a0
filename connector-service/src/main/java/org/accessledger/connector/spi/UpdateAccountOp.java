package org.accessledger.connector.spi;

/** Updates the attributes of an existing account; does nothing if there is none. */
public interface UpdateAccountOp {

    void updateAccount(AccountSpec account);
}
