package org.accessledger.identity.schedule;

import java.time.Instant;

/** Ids of the workers with a scheduled change due by {@code now}. */
public record FindWorkersWithDueChangesQuery(Instant now) {
}
