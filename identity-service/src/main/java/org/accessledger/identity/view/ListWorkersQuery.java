package org.accessledger.identity.view;

/** Up to {@code limit} worker views in the order of their ids, after {@code afterWorkerId} (from the first when null). */
public record ListWorkersQuery(String afterWorkerId, int limit) {
}
