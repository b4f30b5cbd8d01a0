package org.accessledger.entitlement.simulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Policy simulations ({@code accessledger.policy.simulations}): {@code retention} after it finished a simulation's
 * results are discarded (its {@code PolicySimulated} event stays); {@code concurrency} run at once, more wait their turn.
 */
@ConfigurationProperties("accessledger.policy.simulations")
public record SimulationProperties(@DefaultValue("PT24H") Duration retention, @DefaultValue("2") int concurrency) {
}
