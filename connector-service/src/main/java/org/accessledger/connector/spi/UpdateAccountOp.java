package org.accessledger.connector.spi;

/**
 * Updates the attributes of the worker's existing account; does nothing if there is none, and refuses an account of
 * another worker like {@link CreateAccountOp}.
 */
public interface UpdateAccountOp {

    TargetAnswer updateAccount(AccountSpec account);
}
