package org.accessledger.connector.spi;

import java.util.Optional;

/** Reads one account, or empty if the target has none. */
public interface ReadAccountOp {

    Optional<AccountState> readAccount(String workerId);
}
