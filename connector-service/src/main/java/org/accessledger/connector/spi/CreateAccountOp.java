package org.accessledger.connector.spi;

/** Creates the account if absent; an existing one is brought to the spec and enabled. */
public interface CreateAccountOp {

    void createAccount(AccountSpec account);
}
