package org.accessledger.connector.reconciliation;

import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Runs each target's reconciliation on its {@code reconciliation.schedule}, and every half minute marks FAILED the
 * runs whose instance stopped beating. With several instances each tries at the scheduled moment and the target's
 * lock lets one run.
 */
@Component
public class ReconciliationSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final Targets targets;
    private final Reconciler reconciler;
    private final ReconciliationRuns runs;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    public ReconciliationSchedule(Targets targets, Reconciler reconciler, ReconciliationRuns runs) {
        this.targets = targets;
        this.reconciler = reconciler;
        this.runs = runs;
        scheduler.setThreadNamePrefix("reconciliation-schedule-");
        scheduler.setDaemon(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::failStale, Duration.ofSeconds(30));
        for (Target target : targets.all()) {
            String schedule = target.settings().reconciliation().schedule();
            if (!org.accessledger.connector.targets.ReconciliationSettings.NEVER.equals(schedule)) {
                scheduler.schedule(() -> runScheduled(target), new CronTrigger(schedule));
            }
        }
    }

    private void failStale() {
        try {
            runs.failStale().forEach(id -> log.warn("Reconciliation {} was interrupted and is marked FAILED", id));
        } catch (RuntimeException e) {
            log.warn("Could not check for interrupted reconciliations", e);
        }
    }

    private void runScheduled(Target target) {
        try {
            reconciler.start(target, "schedule");
        } catch (ReconciliationRuns.AlreadyRunning e) {
            log.info("Scheduled reconciliation of {} skipped: {}", target.name(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Scheduled reconciliation of {} could not start: {}", target.name(), e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
    }
}
