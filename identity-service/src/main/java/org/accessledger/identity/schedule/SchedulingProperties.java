package org.accessledger.identity.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How future-dated changes are found ({@code accessledger.scheduling}).
 *
 * @param pollInterval   how often the due-change poller asks which workers have a change due
 * @param rescanInterval the longest the schedule goes unread while it names nothing due before then; a change
 *                       scheduled by another instance for less than this ahead can apply up to this late
 */
@ConfigurationProperties("accessledger.scheduling")
public record SchedulingProperties(@DefaultValue("PT1S") Duration pollInterval, @DefaultValue("PT1M") Duration rescanInterval) {
}
