package org.accessledger.connector.safeguard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.accessledger.connector.targets.Targets;

/**
 * {@code accessledger_safeguard_tripped{target}}: 1 while the target holds deprovisioning; {@code accessledger_safeguard_held{target}}:
 * the workers whose deprovisioning waits.
 */
public class SafeguardMetrics implements MeterBinder {

    private final Targets targets;
    private final Safeguard safeguard;

    public SafeguardMetrics(Targets targets, Safeguard safeguard) {
        this.targets = targets;
        this.safeguard = safeguard;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        targets.all().forEach(target -> {
            Gauge.builder("accessledger.safeguard.tripped", () -> Safeguard.TRIPPED.equals(safeguard.state(target.name()).state()) ? 1 : 0)
                    .description("Whether the target's mass-change safeguard holds deprovisioning (1) or not (0)")
                    .tag("target", target.name()).register(meters);
            Gauge.builder("accessledger.safeguard.held", () -> safeguard.state(target.name()).held())
                    .description("Workers whose deprovisioning in the target the safeguard holds")
                    .tag("target", target.name()).register(meters);
        });
    }
}
