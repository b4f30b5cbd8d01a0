package org.accessledger.platform.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.accessledger.platform.audit.log.LogVerification;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verification runs of the audit log, one at a time in the background while the app keeps serving; the last
 * finished one sets {@code accessledger_audit_integrity_ok} and the {@code auditLog} health component. Runs are kept
 * in memory (the latest {@value #KEPT}): their result is evidence only together with the checkpoints, which are stored.
 */
public class AuditVerifications implements HealthIndicator, AutoCloseable {

    static final int KEPT = 100;

    public enum Status { RUNNING, PASSED, FAILED }

    public record Run(String verificationId, Status status, Instant startedAt, Instant finishedAt, long eventsChecked,
                      double eventsPerSecond, int checkpointsChecked, LogVerification.Mismatch firstMismatch,
                      String error) {
    }

    private final AuditLog log;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "audit-verification"));
    private final Map<String, Run> runs = new LinkedHashMap<>();
    /** 1 intact, 0 not, NaN before the first run finished. */
    private volatile double integrityOk = Double.NaN;

    public AuditVerifications(AuditLog log, Clock clock, MeterRegistry meters) {
        this.log = log;
        this.clock = clock;
        Gauge.builder("accessledger_audit_integrity_ok", () -> integrityOk)
                .description("1 when the last verification found the event store and the audit log in agreement, 0 when not")
                .register(meters);
    }

    public synchronized Run start() {
        Run run = new Run(UUID.randomUUID().toString(), Status.RUNNING, clock.instant(), null, 0, 0, 0, null, null);
        remember(run);
        worker.submit(() -> execute(run));
        return run;
    }

    public synchronized Optional<Run> find(String verificationId) {
        return Optional.ofNullable(runs.get(verificationId));
    }

    private void execute(Run started) {
        AtomicLong checked = new AtomicLong();
        try {
            log.checkpointNow();
            LogVerification.Outcome outcome = log.verify(done -> {
                checked.set(done);
                update(running(started, done));
            });
            Instant finished = clock.instant();
            update(new Run(started.verificationId(), outcome.intact() ? Status.PASSED : Status.FAILED,
                    started.startedAt(), finished, outcome.eventsChecked(), rate(started, outcome.eventsChecked(), finished),
                    outcome.checkpointsChecked(), outcome.firstMismatch(), null));
            integrityOk = outcome.intact() ? 1 : 0;
        } catch (RuntimeException e) {
            Instant finished = clock.instant();
            update(new Run(started.verificationId(), Status.FAILED, started.startedAt(), finished, checked.get(),
                    rate(started, checked.get(), finished), 0, null, e.getMessage()));
            integrityOk = 0;
        }
    }

    private Run running(Run started, long done) {
        return new Run(started.verificationId(), Status.RUNNING, started.startedAt(), null, done,
                rate(started, done, clock.instant()), 0, null, null);
    }

    private static double rate(Run started, long events, Instant now) {
        double seconds = Duration.between(started.startedAt(), now).toNanos() / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }

    private synchronized void update(Run run) {
        runs.put(run.verificationId(), run);
    }

    private void remember(Run run) {
        runs.put(run.verificationId(), run);
        while (runs.size() > KEPT) {
            runs.remove(runs.keySet().iterator().next());
        }
    }

    @Override
    public Health health() {
        double ok = integrityOk;
        if (Double.isNaN(ok)) {
            return Health.unknown().withDetail("verification", "none finished since start").build();
        }
        return (ok == 1 ? Health.up() : Health.down()).withDetail("lastVerificationIntact", ok == 1).build();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
