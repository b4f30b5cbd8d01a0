package org.accessledger.connector.reconciliation;

import java.time.Instant;
import java.util.Map;

/**
 * A reconciliation run as the API shows it. {@code status}: {@code RUNNING}, {@code COMPLETED}, {@code FAILED}, or
 * {@code HELD} when it completed but the mass-change safeguard holds some of its repairs.
 */
public record ReconciliationRun(String reconciliationId,
                                String target,
                                String status,
                                String requestedBy,
                                long accountsRead,
                                Map<String, Long> findings,
                                long remediated,
                                long held,
                                String cause,
                                Instant startedAt,
                                Instant completedAt) {
}
