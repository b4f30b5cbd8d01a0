package org.accessledger.api.provisioning;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a worker's account in one target: a provisioning outcome, a reconciliation's finding, or what became
 * of its repair. {@code sequence} orders the entries of one target; {@code details} are the event's fields.
 */
public record ProvisioningHistoryEntry(String target, long sequence, String event, Instant recordedAt, Map<String, Object> details) {

    public ProvisioningHistoryEntry {
        details = Map.copyOf(details);
    }
}
