package org.accessledger.entitlement.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The publication guard ({@code accessledger.policy.publish-guard}): a new policy version that would revoke more than
 * {@code maxRevocations} entitlements now, or take access from more than {@code maxPercent} of the workforce (for a
 * workforce of at least {@code percentFromWorkers}), is published only with a confirming simulation of it no older
 * than {@code confirmationMaxAge}. Defaults in the spirit of the targets' mass-change safeguard.
 */
@ConfigurationProperties("accessledger.policy.publish-guard")
public record PublishGuardProperties(@DefaultValue("500") int maxRevocations,
                                     @DefaultValue("20") int maxPercent,
                                     @DefaultValue("100") int percentFromWorkers,
                                     @DefaultValue("PT1H") Duration confirmationMaxAge) {

    public boolean trips(int revocations, int workersLosing, int workers) {
        return revocations > maxRevocations || workers >= percentFromWorkers && workersLosing * 100L > (long) maxPercent * workers;
    }

    /** The guard's limits in words, for a refusal. */
    public String describe() {
        return "at most " + maxRevocations + " revocations and " + maxPercent + " % of a workforce of " + percentFromWorkers + " or more losing access";
    }
}
