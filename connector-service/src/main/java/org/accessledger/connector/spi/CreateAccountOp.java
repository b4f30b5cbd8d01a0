package org.accessledger.connector.spi;

/**
 * Creates the account if absent; an existing one of the same worker is brought to the spec and enabled. An account the
 * target matched that belongs to another worker is refused with {@link ConnectorException#ownedByOtherWorker}.
 */
public interface CreateAccountOp {

    TargetAnswer createAccount(AccountSpec account);

    /**
     * True when an account references its manager by the manager's account (a SCIM id), which the connector leaves out
     * while the manager has none; the caller then updates the account again once the manager's account is created.
     */
    default boolean referencesManagerAccount() {
        return false;
    }
}
