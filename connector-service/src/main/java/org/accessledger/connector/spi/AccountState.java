package org.accessledger.connector.spi;

import java.util.Map;
import java.util.Set;

/**
 * What a target really holds for one account.
 *
 * @param workerId     the account's owner: the worker id it names (its owner attribute, else its name)
 * @param accountName  the account's own name in the target ({@code uid}, {@code userName})
 * @param attributes   the person's details the account carries, by {@link AccountSpec} attribute name; an attribute
 *                     the connector lists ({@link ListAccountsOp#listedAttributes()}) but the account lacks is absent
 */
public record AccountState(String workerId, String accountName, boolean disabled, Set<String> entitlements, Map<String, String> attributes) {

    public AccountState {
        entitlements = Set.copyOf(entitlements);
        attributes = Map.copyOf(attributes);
    }
}
