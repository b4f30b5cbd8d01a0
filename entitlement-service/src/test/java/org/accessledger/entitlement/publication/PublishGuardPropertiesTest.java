package org.accessledger.entitlement.publication;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PublishGuardPropertiesTest {

    static final PublishGuardProperties GUARD = new PublishGuardProperties(500, 20, 100, Duration.ofHours(1));

    @ParameterizedTest(name = "{0} revocations of {1} of {2} workers: trips {3}")
    @CsvSource({
            "500, 10, 10, false",     // at the count limit
            "501, 10, 10000, true",   // past it
            "30, 30, 99, false",      // a small workforce: the share does not count
            "30, 20, 100, false",     // exactly 20 %
            "30, 21, 100, true",      // past 20 % of a workforce of 100
            "0, 0, 0, false"})
    void tripsPastEitherLimit(int revocations, int workersLosing, int workers, boolean trips) {
        assertThat(GUARD.trips(revocations, workersLosing, workers)).isEqualTo(trips);
    }
}
