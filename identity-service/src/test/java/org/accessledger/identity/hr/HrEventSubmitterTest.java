package org.accessledger.identity.hr;

import org.accessledger.identity.worker.command.CancelHire;
import org.accessledger.identity.worker.command.HrEventOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.identity.registry.MongoHrEventKeys;
import org.accessledger.platform.storage.BatchDurability;
import org.accessledger.platform.testing.RecordingMongo;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HrEventSubmitterTest {

    private final RecordingMongo mongo = new RecordingMongo();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final ConcurrentLinkedQueue<Object> forcedBySender = new ConcurrentLinkedQueue<>();
    private final AtomicInteger handled = new AtomicInteger();
    private final ConcurrentLinkedQueue<Integer> forces = new ConcurrentLinkedQueue<>();
    private final BatchDurability durability = () -> forces.add(handled.get());
    private final HrEventSubmitter submitter = new HrEventSubmitter(
            DefaultCommandGateway.builder().commandBus(commandBus).build(), new SimpleMeterRegistry(),
            new StaticListableBeanFactory(Map.of("durability", durability)).getBeanProvider(BatchDurability.class),
            Clock.systemUTC(), new IntakeProperties(4), new MongoHrEventKeys(mongo.database("submitter-test"), Clock.systemUTC()));

    @AfterEach
    void stopIntakeThreads() {
        submitter.destroy();
        mongo.close();
    }

    @Test
    void aBatchIsForcedOnceAfterAllItsCommandsInsteadOfOncePerCommand() {
        commandBus.subscribe(CancelHire.class.getName(), command -> {
            forcedBySender.add(command.getMetaData().getOrDefault(BatchDurability.SENDER_FORCES, "absent"));
            handled.incrementAndGet();
            return HrEventOutcome.ACCEPTED;
        });

        List<HrEventResult> results = submitter.submitAll(IntStream.range(0, 20)
                .mapToObj(i -> new HrEvent(HrEventType.HIRE_CANCELLATION,
                        new CancelHire(WorkerId.of("W" + i % 5), HrEventId.of("E" + i))))
                .toList());

        assertThat(results).extracting(HrEventResult::outcome).containsOnly(HrEventResult.Outcome.ACCEPTED).hasSize(20);
        assertThat(forcedBySender).hasSize(20).containsOnly(true);
        assertThat(forces).as("commands handled when the batch was forced").containsExactly(20);
    }
}
