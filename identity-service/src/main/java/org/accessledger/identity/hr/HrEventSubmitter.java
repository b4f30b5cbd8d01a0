package org.accessledger.identity.hr;

import org.accessledger.identity.worker.command.HrEventOutcome;
import org.accessledger.identity.worker.command.WorkerCommand;
import io.micrometer.core.instrument.MeterRegistry;
import org.accessledger.api.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolation;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.platform.storage.BatchDurability;
import org.accessledger.platform.web.Problems;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends HR commands to their workers and reports each outcome; counts every outcome for the SREs. A batch runs its
 * workers side by side (each command mostly waits on storage), each worker's events one after another in the order
 * given. Where commits are not durable by themselves, one forced write covers the whole batch before any outcome is
 * reported.
 */
@Component
public class HrEventSubmitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HrEventSubmitter.class);

    private final CommandGateway commands;
    private final MeterRegistry meters;
    private final ObjectProvider<BatchDurability> durability;
    private final Clock clock;
    private final ExecutorService workers;
    private final HrEventKeys keys;

    public HrEventSubmitter(CommandGateway commands, MeterRegistry meters, ObjectProvider<BatchDurability> durability,
                            Clock clock, IntakeProperties intake, HrEventKeys keys) {
        this.keys = keys;
        this.commands = commands;
        this.meters = meters;
        this.durability = durability;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(intake.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "hr-intake");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The outcome of every event, in the order given. */
    public List<HrEventResult> submitAll(List<HrEvent> events) {
        HrEventResult[] results = new HrEventResult[events.size()];
        submitInWorkerOrder(events, results);
        durability.ifAvailable(BatchDurability::forceWrites);
        return List.of(results);
    }

    private void submitInWorkerOrder(List<HrEvent> events, HrEventResult[] results) {
        Map<WorkerId, List<Integer>> byWorker = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byWorker.computeIfAbsent(events.get(i).command().workerId(), worker -> new ArrayList<>()).add(i);
        }
        if (byWorker.size() == 1) {
            byWorker.values().iterator().next().forEach(i -> results[i] = submit(events.get(i)));
            return;
        }
        CompletableFuture.allOf(byWorker.values().stream()
                .map(indices -> CompletableFuture.runAsync(() -> indices.forEach(i -> results[i] = submit(events.get(i))), workers))
                .toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }

    private HrEventResult submit(HrEvent event) {
        HrEventResult result = sendOnce(event);
        meters.counter("accessledger.hr.events", "type", event.type().name(), "outcome", result.outcome().name()).increment();
        return result;
    }

    /**
     * Sends the event unless its id was accepted before: for the same event the answer is DUPLICATE, for another
     * (any worker, any field) REJECTED with IDEMPOTENCY_KEY_REUSED, and nothing is sent either way.
     */
    private HrEventResult sendOnce(HrEvent event) {
        String hrEventId = event.command().hrEventId().value();
        String workerId = event.command().workerId().value();
        HrEventKeys.Claim claim;
        try {
            claim = keys.claim(hrEventId, workerId, HrEventFingerprint.of(event));
        } catch (RuntimeException e) {
            log.error("HR event {} of worker {} could not be checked against earlier ones; nothing was stored", hrEventId, workerId, e);
            return new HrEventResult(hrEventId, workerId, HrEventResult.Outcome.REJECTED,
                    Problems.of(ErrorCode.INTERNAL_ERROR, "The HR event could not be processed; nothing was stored. Send it again."));
        }
        return switch (claim.found()) {
            case SAME_EVENT_ACCEPTED -> new HrEventResult(hrEventId, workerId, HrEventResult.Outcome.DUPLICATE, null);
            case OTHER_EVENT -> new HrEventResult(hrEventId, workerId, HrEventResult.Outcome.REJECTED, Problems.of(new RuleViolation(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED, "hrEventId", "hrEventId " + hrEventId + " was accepted before for another event (worker "
                    + claim.workerId() + "); an id names one HR event, so this one was not applied")));
            case NEW -> {
                HrEventResult result = send(event.command());
                if (result.outcome() == HrEventResult.Outcome.REJECTED) {
                    keys.released(hrEventId);
                } else {
                    keys.accepted(hrEventId);
                }
                yield result;
            }
        };
    }

    private HrEventResult send(WorkerCommand command) {
        String hrEventId = command.hrEventId().value();
        String workerId = command.workerId().value();
        try {
            HrEventOutcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(MetaDataKeys.HR_ACCEPTED_AT, clock.instant().toString(),
                            BatchDurability.SENDER_FORCES, true)));
            return new HrEventResult(hrEventId, workerId,
                    outcome == HrEventOutcome.DUPLICATE ? HrEventResult.Outcome.DUPLICATE : HrEventResult.Outcome.ACCEPTED, null);
        } catch (RuntimeException e) {
            var problem = RuleViolationException.violationOf(e).map(Problems::of).orElseGet(() -> {
                log.error("HR event {} of worker {} failed unexpectedly; nothing was stored", hrEventId, workerId, e);
                return Problems.of(ErrorCode.INTERNAL_ERROR, "The HR event could not be processed; nothing was stored. Send it again.");
            });
            return new HrEventResult(hrEventId, workerId, HrEventResult.Outcome.REJECTED, problem);
        }
    }
}
