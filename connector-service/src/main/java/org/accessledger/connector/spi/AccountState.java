package org.accessledger.connector.spi;

import java.util.Set;

/** What a target really holds for one worker. */
public record AccountState(String workerId, boolean disabled, Set<String> entitlements) {
}
