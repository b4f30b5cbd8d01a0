package org.accessledger.identity.hr;

import org.accessledger.identity.worker.command.CancelHire;
import org.accessledger.identity.worker.command.HrEventOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.identity.registry.MongoHrEventKeys;
import org.accessledger.platform.storage.BatchDurability;
import org.accessledger.platform.testing.RecordingMongo;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** An hrEventId names one HR event across all workers: reused for another, it is refused and nothing is sent. */
class HrEventIdempotencyTest {

    private final RecordingMongo mongo = new RecordingMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final ConcurrentLinkedQueue<String> handled = new ConcurrentLinkedQueue<>();
    private final MongoHrEventKeys keys = new MongoHrEventKeys(mongo.database("idempotency-test"), clock);
    private final HrEventSubmitter submitter = new HrEventSubmitter(DefaultCommandGateway.builder().commandBus(commandBus).build(),
            new SimpleMeterRegistry(), new StaticListableBeanFactory(Map.of("durability", (BatchDurability) () -> {
            })).getBeanProvider(BatchDurability.class), clock, new IntakeProperties(4), keys);

    @AfterEach
    void close() {
        submitter.destroy();
        mongo.close();
    }

    @Test
    void anIdReusedForAnotherWorkerIsRejectedNamingTheFirstAndNothingIsSent() {
        acceptingCancellations();
        assertThat(outcome(cancel("hr-1", "W1"))).isEqualTo(HrEventResult.Outcome.ACCEPTED);

        HrEventResult reused = submitter.submitAll(List.of(cancel("hr-1", "W2"))).get(0);

        assertThat(reused.outcome()).isEqualTo(HrEventResult.Outcome.REJECTED);
        assertThat(reused.problem().getProperties()).containsEntry("code", ErrorCode.IDEMPOTENCY_KEY_REUSED.name()).containsEntry("field", "hrEventId");
        assertThat(reused.problem().getDetail()).contains("worker W1");
        assertThat(handled).containsExactly("W1");
    }

    @Test
    void theSameEventSentAgainIsADuplicateAndIsNotSentTwice() {
        acceptingCancellations();
        outcome(cancel("hr-1", "W1"));

        assertThat(outcome(cancel("hr-1", "W1"))).isEqualTo(HrEventResult.Outcome.DUPLICATE);
        assertThat(handled).containsExactly("W1");
    }

    @Test
    void aRefusedEventFreesItsIdForTheCorrectedOne() {
        commandBus.subscribe(CancelHire.class.getName(), command -> {
            CancelHire cancel = (CancelHire) command.getPayload();
            if (cancel.workerId().value().equals("NOBODY")) {
                throw new RuleViolationException(ErrorCode.WORKER_NOT_FOUND, "workerId", "No worker NOBODY");
            }
            handled.add(cancel.workerId().value());
            return HrEventOutcome.ACCEPTED;
        });

        assertThat(outcome(cancel("hr-1", "NOBODY"))).isEqualTo(HrEventResult.Outcome.REJECTED);
        assertThat(outcome(cancel("hr-1", "W1"))).isEqualTo(HrEventResult.Outcome.ACCEPTED);
    }

    @Test
    void twoBatchesRacingWithOneIdAcceptExactlyOne() {
        commandBus.subscribe(CancelHire.class.getName(), command -> {
            Thread.sleep(100);
            handled.add(((CancelHire) command.getPayload()).workerId().value());
            return HrEventOutcome.ACCEPTED;
        });

        List<HrEventResult.Outcome> outcomes = List.of("W1", "W2", "W1").stream()
                .map(worker -> CompletableFuture.supplyAsync(() -> outcome(cancel("hr-race", worker))))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(handled).hasSize(1);
        assertThat(outcomes).containsOnlyOnce(HrEventResult.Outcome.ACCEPTED);
        assertThat(outcomes).doesNotContainNull();
    }

    @Test
    void aClaimLeftByAnInstanceThatDiedWhileSendingIsTakenOverAfterAMinute() {
        assertThat(keys.claim("hr-1", "W1", "f").found()).isEqualTo(HrEventKeys.Found.NEW);
        clock.advance(Duration.ofSeconds(61));

        assertThat(keys.claim("hr-1", "W1", "f").found()).isEqualTo(HrEventKeys.Found.NEW);
        assertThat(keys.claim("hr-1", "W2", "g").found()).as("other content is refused at once").isEqualTo(HrEventKeys.Found.OTHER_EVENT);
    }

    private void acceptingCancellations() {
        commandBus.subscribe(CancelHire.class.getName(), command -> {
            handled.add(((CancelHire) command.getPayload()).workerId().value());
            return HrEventOutcome.ACCEPTED;
        });
    }

    private HrEventResult.Outcome outcome(HrEvent event) {
        return submitter.submitAll(List.of(event)).get(0).outcome();
    }

    private static HrEvent cancel(String hrEventId, String workerId) {
        return new HrEvent(HrEventType.HIRE_CANCELLATION, new CancelHire(WorkerId.of(workerId), HrEventId.of(hrEventId)));
    }
}
