package org.accessledger.connector.targets;

import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.TestOp;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code targets}: each target reachable with its credentials, or DOWN with the reason. */
@Component
public class TargetsHealthIndicator extends AbstractHealthIndicator {

    private final Targets targets;

    public TargetsHealthIndicator(Targets targets) {
        super("Provisioning targets check failed");
        this.targets = targets;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.up();
        for (Target target : targets.all()) {
            if (!(target.connector() instanceof TestOp test)) {
                health.withDetail(target.name(), "UNKNOWN: the connector cannot be tested");
                continue;
            }
            try {
                test.test();
                health.withDetail(target.name(), "UP");
            } catch (ConnectorException e) {
                health.down().withDetail(target.name(), "DOWN: " + e.getMessage());
            }
        }
    }
}
