package org.accessledger.identity.worker;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;

/**
 * How far back HR may date a change of an existing worker ({@code accessledger.hr.max-backdating}). A hire may start
 * at any past date: an initial load brings in people hired years ago.
 */
@ConfigurationProperties("accessledger.hr")
public record BackdatingLimit(@DefaultValue("90d") Duration maxBackdating) {

    public BackdatingLimit {
        if (maxBackdating.isNegative()) {
            throw new IllegalArgumentException("accessledger.hr.max-backdating must not be negative, not " + maxBackdating);
        }
    }

    void check(Instant effectiveAt, Instant now, String field) {
        if (effectiveAt.isBefore(now.minus(maxBackdating))) {
            throw new RuleViolationException(ErrorCode.BACKDATED_TOO_FAR, field, "The change takes effect at " + effectiveAt
                    + ", further back than accessledger.hr.max-backdating (" + maxBackdating.toDays() + " days) allows");
        }
    }
}
