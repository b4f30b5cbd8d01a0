package org.accessledger.connector.reconciliation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.accessledger.connector.account.DriftKind;
import org.accessledger.connector.targets.Targets;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@code accessledger_drift_findings{target,kind}}: the findings of the target's last completed run;
 * {@code accessledger_reconciliation_last_success_timestamp_seconds{target}}: when it completed (NaN before the first),
 * both read from the runs store at each scrape, so every instance shows the same;
 * {@code accessledger_reconciliation_duration_seconds{target}} and {@code accessledger_reconciliation_accounts_read_total{target}}
 * of the runs this instance made, registered at zero.
 */
@Component
public class ReconciliationMetrics implements MeterBinder {

    private final Targets targets;
    private final ReconciliationRuns runs;
    private MeterRegistry meters;

    public ReconciliationMetrics(Targets targets, ReconciliationRuns runs) {
        this.targets = targets;
        this.runs = runs;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.meters = meters;
        targets.all().forEach(target -> {
            duration(target.name());
            accountsRead(target.name());
            Gauge.builder("accessledger.reconciliation.last.success.timestamp", () -> runs.lastCompleted(target.name())
                            .map(run -> (Number) (run.completedAt().toEpochMilli() / 1000.0)).orElse(Double.NaN))
                    .description("When the target's last reconciliation completed").baseUnit("seconds")
                    .tag("target", target.name()).register(meters);
            for (DriftKind kind : DriftKind.values()) {
                Gauge.builder("accessledger.drift.findings", () -> runs.lastCompleted(target.name())
                                .map(run -> (Number) run.findings().get(kind.name())).orElse(0))
                        .description("Differences the target's last reconciliation found, by kind")
                        .tags("target", target.name(), "kind", kind.name()).register(meters);
            }
        });
    }

    void completed(String target, long accounts, Duration took) {
        if (meters != null) {
            duration(target).record(took);
            accountsRead(target).increment(accounts);
        }
    }

    private Timer duration(String target) {
        return Timer.builder("accessledger.reconciliation.duration").description("How long a reconciliation run of the target took")
                .tag("target", target).register(meters);
    }

    private Counter accountsRead(String target) {
        return Counter.builder("accessledger.reconciliation.accounts.read").description("Accounts read from the target by reconciliations")
                .tag("target", target).register(meters);
    }
}
