package org.accessledger.connector.spi;

import java.util.List;

/** Lists every account the target holds for AccessLedger, for reconciliation. */
public interface ListAccountsOp {

    List<AccountState> listAccounts();
}
