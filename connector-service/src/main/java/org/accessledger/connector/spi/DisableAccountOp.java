package org.accessledger.connector.spi;

/** Disables an account the way the target is configured to (remove memberships and mark, move, or delete); nothing if there is none. */
public interface DisableAccountOp {

    void disableAccount(String workerId);
}
