package org.accessledger.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How future-dated changes are found. {@code accessledger.scheduling.poll-interval} (default one second), how often the
 * due-change poller asks, is read by its {@code @Scheduled} annotation.
 *
 * @param rescanInterval the longest the schedule goes unread while it names nothing due before then; a change
 *                       scheduled by another instance for less than this ahead can apply up to this late
 */
@ConfigurationProperties("accessledger.scheduling")
public record SchedulingProperties(@DefaultValue("PT1M") Duration rescanInterval) {
}
