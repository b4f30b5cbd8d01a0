package org.accessledger.identity.view;

import java.time.Instant;
import java.util.Map;

/**
 * One event in a worker's history, with both times: {@code effectiveAt} (when it holds in HR) and {@code recordedAt}
 * (when AccessLedger stored it). {@code kind} tells an HR lifecycle event from an access decision and from what a target
 * did or a reconciliation found there ({@code PROVISIONING}, with the target among the details and no effective time).
 * {@code eventId} is the stored event's id, whose inclusion in the audit log {@code /api/v1/audit/proofs/inclusion}
 * proves (none for provisioning entries, which another service's view assembles).
 */
public record HistoryEntry(Kind kind,
                           String eventId,
                           long sequence,
                           String event,
                           String hrEventId,
                           Instant effectiveAt,
                           Instant recordedAt,
                           Map<String, Object> details) {

    public enum Kind {
        LIFECYCLE, ACCESS, PROVISIONING
    }
}
