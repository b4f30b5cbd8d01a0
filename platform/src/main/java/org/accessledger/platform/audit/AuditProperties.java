package org.accessledger.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The tamper-evident log over the event store ({@code accessledger.audit.*}).
 *
 * @param enabled            keep the log; one service per event store does (the standalone app, or identity-service
 *                           when split)
 * @param origin             the log's name, the first line of each checkpoint and the signing key's name
 * @param signingKey         a C2SP signing key {@code PRIVATE+KEY+<origin>+…}; empty: generated at first start into
 *                           {@code <data-dir>/audit-signing-key}, readable only by its owner
 * @param pollInterval       how often the log reads what the event store holds
 * @param gapTimeout         how long a missing global index (a transaction in flight) holds the log back
 * @param lateWindow         how long after passing a gap an event that fills it is still appended
 * @param batchSize          events appended per transaction at most
 * @param checkpointEvents   a checkpoint after this many new events
 * @param checkpointInterval a checkpoint after this long when the log has grown at all
 */
@ConfigurationProperties("accessledger.audit")
public record AuditProperties(@DefaultValue("false") boolean enabled,
                              @DefaultValue("accessledger.local/audit-log") String origin,
                              @DefaultValue("") String signingKey,
                              @DefaultValue("PT0.2S") Duration pollInterval,
                              @DefaultValue("PT10S") Duration gapTimeout,
                              @DefaultValue("PT10M") Duration lateWindow,
                              @DefaultValue("1000") int batchSize,
                              @DefaultValue("1000") long checkpointEvents,
                              @DefaultValue("PT60S") Duration checkpointInterval) {
}
