package org.accessledger.connector.account;

/** What AccessLedger asked a target to do. */
public enum Operation {
    CREATE_ACCOUNT,
    UPDATE_ACCOUNT,
    ADD_ENTITLEMENT,
    REMOVE_ENTITLEMENT,
    DISABLE_ACCOUNT,
    /** After the worker's personal data was erased. */
    DELETE_ACCOUNT
}
