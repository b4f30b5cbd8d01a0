package org.accessledger.connector.reconciliation;

import java.time.Instant;

/**
 * One finding as the API shows it. {@code action}: {@code REPORTED} (report mode, or an orphan left alone),
 * {@code REPAIRING}, {@code REPAIRED}, {@code HELD} by the safeguard, {@code FAILED}, {@code UNNEEDED} (the desired state
 * had changed to match), {@code DISABLED} or {@code DELETED} (an orphan).
 */
public record DriftView(String findingId,
                        String reconciliationId,
                        String target,
                        String workerId,
                        String accountName,
                        String kind,
                        String subject,
                        String expected,
                        String actual,
                        String reason,
                        String action,
                        Instant foundAt) {
}
