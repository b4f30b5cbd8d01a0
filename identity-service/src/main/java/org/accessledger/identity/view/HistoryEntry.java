package org.accessledger.identity.view;

import java.time.Instant;
import java.util.Map;

/**
 * One event in a worker's history, with both times: {@code effectiveAt} (when it holds in HR) and {@code recordedAt}
 * (when AccessLedger stored it).
 */
public record HistoryEntry(long sequence,
                           String event,
                           String hrEventId,
                           Instant effectiveAt,
                           Instant recordedAt,
                           Map<String, Object> details) {
}
