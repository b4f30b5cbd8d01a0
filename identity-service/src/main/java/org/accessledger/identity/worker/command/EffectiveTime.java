package org.accessledger.identity.worker.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When an HR change takes effect: either a calendar date in the worker's time zone, or an exact instant.
 * Exactly one of the two is set.
 */
public record EffectiveTime(LocalDate date, Instant instant) {

    public EffectiveTime {
        if ((date == null) == (instant == null)) {
            throw new IllegalArgumentException("exactly one of date and instant must be given");
        }
    }

    public static EffectiveTime onDate(LocalDate date) {
        return new EffectiveTime(date, null);
    }

    public static EffectiveTime at(Instant instant) {
        return new EffectiveTime(null, instant);
    }

    /** The instant at 00:00 of the date in {@code zone}, or the exact instant. */
    public Instant startOfDay(ZoneId zone) {
        return instant != null ? instant : date.atStartOfDay(zone).toInstant();
    }

    /** For a last day: 00:00 of the following day in {@code zone}, or the exact instant. */
    public Instant endOfDay(ZoneId zone) {
        return instant != null ? instant : date.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
