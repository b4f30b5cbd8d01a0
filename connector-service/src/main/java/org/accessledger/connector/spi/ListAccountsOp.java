package org.accessledger.connector.spi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lists every account the target holds under the bases AccessLedger manages, for reconciliation. The accounts are
 * read in pages and handed over one by one, so a caller that does not keep them needs memory for a page, not for the
 * directory; group memberships are read from the groups once, not per account.
 */
public interface ListAccountsOp {

    /** Hands every account to {@code each}, with its entitlements and the attributes of {@link #listedAttributes()}. */
    void listAccounts(Consumer<AccountState> each);

    /** The {@link AccountSpec} attributes this target keeps, hence compared by reconciliation. */
    Set<String> listedAttributes();

    /**
     * Entitlements the target holds more than one group for (by the groups' ids or names), as servers that allow two
     * groups of one name may; none where a group's name is unique by construction (an LDAP DN).
     */
    default Map<String, List<String>> duplicateGroups() {
        return Map.of();
    }
}
