package org.accessledger.connector.targets;

import com.mongodb.client.MongoCollection;
import org.accessledger.platform.testing.RecordingMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Group ids shared by instances through the read-model store: one creation per entitlement, whoever asks. */
class SharedGroupIdsTest {

    private final RecordingMongo mongo = new RecordingMongo();
    private final MongoCollection<Document> store = mongo.database("group-ids-test").getCollection("target_group_ids");

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void twoInstancesGrantingAtOnceResolveTheGroupOnce() throws Exception {
        List<SharedGroupIds> instances = List.of(new SharedGroupIds(store, "saas", Clock.systemUTC()), new SharedGroupIds(store, "saas", Clock.systemUTC()));
        AtomicInteger creations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<List<String>>> answers = IntStream.range(0, 12).mapToObj(i -> threads.submit(() -> {
                start.await();
                return instances.get(i % 2).resolveOnce("vpn:user", () -> {
                    creations.incrementAndGet();
                    pause(100);
                    return List.of("group-" + creations.get());
                });
            })).toList();
            start.countDown();
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).containsExactly("group-1");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(creations).hasValue(1);
        assertThat(new SharedGroupIds(store, "saas", Clock.systemUTC()).of("vpn:user")).containsExactly("group-1");
        assertThat(new SharedGroupIds(store, "other-target", Clock.systemUTC()).of("vpn:user")).isEmpty();
    }

    @Test
    void aClaimLeftByADeadInstanceIsTakenOverAfterTheTimeout() {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");
        store.insertOne(new Document("_id", "saas|vpn:user").append("claim", "dead-instance")
                .append("claimedAt", Date.from(now.minus(SharedGroupIds.CLAIM_TIMEOUT).minusSeconds(1))));

        List<String> ids = new SharedGroupIds(store, "saas", Clock.fixed(now, java.time.ZoneOffset.UTC))
                .resolveOnce("vpn:user", () -> List.of("adopted"));

        assertThat(ids).containsExactly("adopted");
    }

    @Test
    void aFailedResolveReleasesTheClaimForTheNextTry() {
        SharedGroupIds ids = new SharedGroupIds(store, "saas", Clock.systemUTC());
        try {
            ids.resolveOnce("vpn:user", () -> {
                throw new IllegalStateException("target down");
            });
        } catch (IllegalStateException expected) {
            // the next grant tries again
        }

        assertThat(ids.resolveOnce("vpn:user", () -> List.of("created"))).containsExactly("created");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
