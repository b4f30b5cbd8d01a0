package org.accessledger.connector.reconciliation;

import org.accessledger.connector.account.DriftKind;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The events of a {@link Reconciliation} run, for the audit: who started it, what it found, how it ended. */
public final class ReconciliationEvents {

    private ReconciliationEvents() {
    }

    /** {@code requestedBy}: the user who asked, or {@code schedule}. */
    @Revision("1")
    public record ReconciliationStarted(String reconciliationId, String target, String requestedBy, Instant at) {
    }

    /** An account under the managed base that no worker owns; {@code remedy} is {@code REPORT}, {@code DISABLE} or {@code DELETE}. */
    @Revision("1")
    public record OrphanAccountFound(String reconciliationId, String target, String accountName, String owner, String remedy, Instant at) {
    }

    /** The target holds the groups {@code groups} (ids or names) for the one entitlement. */
    @Revision("1")
    public record DuplicateGroupFound(String reconciliationId, String target, String entitlement, List<String> groups, Instant at) {
    }

    @Revision("1")
    public record ReconciliationCompleted(String reconciliationId, String target, long accountsRead, Map<DriftKind, Long> findings, Instant at) {
    }

    @Revision("1")
    public record ReconciliationFailed(String reconciliationId, String target, String cause, Instant at) {
    }
}
