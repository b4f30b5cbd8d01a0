package org.accessledger.entitlement.publication;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.accessledger.platform.testing.Refusals.refusedWith;

class AccessPolicyHistoryTest {

    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    static final String FIRST = """
            applications: [{id: mail, entitlements: [{id: box}]}]
            rules: [{id: everyone, entitlements: [mail:box]}]
            """;
    static final String SECOND = """
            applications: [{id: vpn, entitlements: [{id: user}]}]
            rules: [{id: everyone, entitlements: [vpn:user]}]
            """;
    static final String ID = PublishPolicy.POLICY_ID;

    private AggregateTestFixture<AccessPolicyHistory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessPolicyHistory.class);
        fixture.registerInjectableResource(new MutableClock(NOW));
    }

    @Test
    void publishingADifferentDocumentAddsTheNextVersion() {
        fixture.given(published(1, FIRST))
                .when(new PublishPolicy(SECOND, "alice"))
                .expectEvents(new PolicyPublished(2, AccessPolicyHistory.sha256(SECOND), SECOND, "alice", NOW))
                .expectResultMessagePayload(new PublishedVersion(2, AccessPolicyHistory.sha256(SECOND), true));
    }

    @Test
    void aPublicationConfirmedByASimulationRecordsTheConfirmationWithTheVersion() {
        String hash = AccessPolicyHistory.sha256(SECOND);
        fixture.given(published(1, FIRST))
                .when(new PublishPolicy(SECOND, "alice", "simulation-7"))
                .expectEvents(new PolicyPublicationConfirmed(2, hash, "simulation-7", "alice", NOW),
                        new PolicyPublished(2, hash, SECOND, "alice", NOW));
    }

    @Test
    void publishingTheDocumentInForceAgainChangesNothing() {
        fixture.given(published(1, FIRST))
                .when(new PublishPolicy(FIRST, "alice"))
                .expectNoEvents()
                .expectResultMessagePayload(new PublishedVersion(1, AccessPolicyHistory.sha256(FIRST), false));
    }

    @Test
    void anInvalidDocumentIsRefused() {
        fixture.given(published(1, FIRST))
                .when(new PublishPolicy("rules: [{id: everyone, entitlements: [nowhere:nothing]}]", "alice"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_POLICY));
    }

    @Test
    void theFirstPolicyIsPublishedAsVersionOneWhenThereIsNone() {
        fixture.givenNoPriorActivity()
                .when(new PublishFirstPolicy(FIRST, "accessledger (first start)"))
                .expectEvents(new PolicyPublished(1, AccessPolicyHistory.sha256(FIRST), FIRST, "accessledger (first start)", NOW))
                .expectResultMessagePayload(new PublishedVersion(1, AccessPolicyHistory.sha256(FIRST), true));
    }

    @Test
    void theFirstPolicyLeavesAnAlreadyPublishedPolicyInForce() {
        fixture.given(published(1, SECOND))
                .when(new PublishFirstPolicy(FIRST, "accessledger (first start)"))
                .expectNoEvents()
                .expectResultMessagePayload(new PublishedVersion(1, AccessPolicyHistory.sha256(SECOND), false));
    }

    private static PolicyPublished published(long version, String document) {
        return new PolicyPublished(version, AccessPolicyHistory.sha256(document), document, "alice", NOW.minusSeconds(3600));
    }
}
