package org.accessledger.identity.hr;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HR intake ({@code accessledger.intake}).
 *
 * @param parallelism how many workers' events of one batch are applied at once
 */
@ConfigurationProperties("accessledger.intake")
public record IntakeProperties(@DefaultValue("4") int parallelism) {

    public IntakeProperties {
        if (parallelism < 1) {
            throw new IllegalArgumentException("accessledger.intake.parallelism must be at least 1, not " + parallelism);
        }
    }
}
