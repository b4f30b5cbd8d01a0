package org.accessledger.connector.account;

/** One worker's account in one target. */
public record FindTargetAccountQuery(String target, String workerId) {
}
