package org.accessledger.connector.safeguard;

import org.accessledger.connector.safeguard.SafeguardEvents.SafeguardReleased;
import org.accessledger.connector.safeguard.SafeguardEvents.SafeguardTripped;
import org.accessledger.connector.scim.ScimSettings;
import org.accessledger.connector.spi.LocalGroupIds;
import org.accessledger.connector.targets.ReconciliationSettings;
import org.accessledger.connector.targets.SafeguardSettings;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.TargetSettings;
import org.accessledger.connector.targets.Targets;
import org.accessledger.platform.testing.RecordingMongo;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SafeguardTest {

    private final RecordingMongo mongo = new RecordingMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:30Z"));
    private final List<Object> commands = new ArrayList<>();
    private final Safeguard safeguard = new Safeguard(mongo.database("safeguard-test"), commands::add, clock);
    private final Targets targets = new Targets(Map.of("crm", TargetSettings.ofScim(List.of("*"),
                    new ScimSettings("http://127.0.0.1:9/scim/v2", "unused", "{entitlement}", Map.of(), true), TargetSettings.Retry.DEFAULT)
            .with(ReconciliationSettings.DEFAULT, new SafeguardSettings(5, 20, Duration.ofMinutes(10), 100))), name -> new LocalGroupIds());
    private final Target crm = targets.named("crm").orElseThrow();

    @AfterEach
    void close() {
        targets.close();
        mongo.close();
    }

    @Test
    void deprovisioningPastTheLimitTripsHoldsAndIsAudited() {
        assertThat(IntStream.range(0, 5).mapToObj(i -> safeguard.admit(crm, "W" + i))).containsOnly(true);

        assertThat(safeguard.admit(crm, "W5")).isFalse();
        assertThat(safeguard.admit(crm, "W6")).isFalse();
        assertThat(safeguard.admit(crm, "W6")).as("a worker is held once, whatever the operations held").isFalse();

        Safeguard.State state = safeguard.state("crm");
        assertThat(state.state()).isEqualTo(Safeguard.TRIPPED);
        assertThat(state.held()).isEqualTo(2);
        assertThat(state.since()).isEqualTo(clock.instant());
        assertThat(safeguard.heldWorkers("crm")).containsExactlyInAnyOrder("W5", "W6");
        assertThat(commands).singleElement().isInstanceOfSatisfying(TargetSafeguard.Trip.class, trip ->
                assertThat(trip.event()).isEqualTo(new SafeguardTripped("crm", 6, 5, Duration.ofMinutes(10), clock.instant())));
    }

    @Test
    void aSlowBleedAcrossTheWindowTripsToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(safeguard.admit(crm, "W" + i)).isTrue();
            clock.advance(Duration.ofSeconds(105));
        }
        assertThat(safeguard.admit(crm, "W5")).as("five within the last ten minutes").isFalse();
    }

    @Test
    void operationsOlderThanTheWindowNoLongerCount() {
        IntStream.range(0, 5).forEach(i -> safeguard.admit(crm, "W" + i));
        clock.advance(Duration.ofMinutes(11));
        assertThat(safeguard.admit(crm, "W5")).isTrue();
        assertThat(safeguard.state("crm").state()).isEqualTo(Safeguard.ARMED);
    }

    @Test
    void theLimitIsAShareOfTheAccountsOfALargeTarget() {
        safeguard.recordAccounts("crm", 20);
        assertThat(IntStream.range(0, 5).mapToObj(i -> safeguard.admit(crm, "W" + i))).as("20 accounts: too few for the share").containsOnly(true);

        SafeguardSettings settings = new SafeguardSettings(500, 20, Duration.ofHours(1), 100);
        assertThat(settings.limit(99)).isEqualTo(500);
        assertThat(settings.limit(1_000)).isEqualTo(200);
        assertThat(settings.limit(10_000)).isEqualTo(500);
    }

    @Test
    void aReleaseRearmsWithAnEmptyWindowAndSaysWhoAndWhy() {
        IntStream.range(0, 6).forEach(i -> safeguard.admit(crm, "W" + i));
        safeguard.release("crm", "admin", "planned re-organisation");
        safeguard.forget("crm", "W5");

        assertThat(safeguard.state("crm")).isEqualTo(new Safeguard.State(Safeguard.ARMED, 0, null));
        assertThat(commands).last().isInstanceOfSatisfying(TargetSafeguard.Release.class, release ->
                assertThat(release.event()).isEqualTo(new SafeguardReleased("crm", "admin", "planned re-organisation", 1, clock.instant())));
        assertThat(IntStream.range(0, 5).mapToObj(i -> safeguard.admit(crm, "V" + i))).containsOnly(true);
    }
}
