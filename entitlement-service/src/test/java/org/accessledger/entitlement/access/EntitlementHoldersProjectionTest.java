package org.accessledger.entitlement.access;

import org.accessledger.api.access.AccessGranted;
import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.AccessRevoked;
import org.accessledger.api.access.AccessStatus;
import org.accessledger.api.access.AccessSuspended;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.platform.testing.RecordingMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EntitlementHoldersProjectionTest {

    private static final EntitlementId VPN = EntitlementId.of("vpn:user");
    private static final WorkerId ADA = WorkerId.of("E1001");
    private static final WorkerId BOB = WorkerId.of("E1002");
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-11-20T17:00:00Z");

    private final RecordingMongo mongo = new RecordingMongo();
    private final EntitlementHoldersProjection projection = new EntitlementHoldersProjection(mongo.database("holders-test"));

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void holdersAreTheGrantedAndSuspendedNotTheRevoked() {
        projection.on(new AccessGranted(ADA, VPN, MONDAY, reason("hr-1")), 0);
        projection.on(new AccessGranted(BOB, VPN, MONDAY, reason("hr-2")), 0);
        projection.on(new AccessSuspended(BOB, VPN, FRIDAY, reason("hr-3")), 1);
        projection.on(new AccessGranted(WorkerId.of("E1003"), VPN, MONDAY, reason("hr-4")), 0);
        projection.on(new AccessRevoked(WorkerId.of("E1003"), VPN, FRIDAY, reason("hr-5")), 1);

        assertThat(projection.handle(new FindHoldersQuery(VPN)))
                .extracting(HolderView::workerId, HolderView::status, HolderView::since)
                .containsExactly(tuple("E1001", AccessStatus.GRANTED, MONDAY), tuple("E1002", AccessStatus.SUSPENDED, FRIDAY));
    }

    @Test
    void aRedeliveredGrantDoesNotBringARevokedHoldingBack() {
        AccessGranted grant = new AccessGranted(ADA, VPN, MONDAY, reason("hr-1"));
        projection.on(grant, 0);
        projection.on(new AccessRevoked(ADA, VPN, FRIDAY, reason("hr-2")), 1);

        projection.on(grant, 0);

        assertThat(projection.handle(new FindHoldersQuery(VPN))).isEmpty();
    }

    /** The embedded read-model store scans a collection for any other filter; these run once per access event. */
    @Test
    void eachEventSelectsTheHoldingByIdAlone() {
        projection.on(new AccessGranted(ADA, VPN, MONDAY, reason("hr-1")), 0);
        projection.on(new AccessRevoked(ADA, VPN, FRIDAY, reason("hr-2")), 1);

        assertThat(mongo.selectingCommands()).contains("update", "find");
        assertThat(mongo.selectionsNotByIdAlone()).isEmpty();
    }

    private static AccessReason reason(String hrEventId) {
        return AccessReason.of("cause-" + hrEventId, HrEventId.of(hrEventId), "everyone", 1);
    }
}
