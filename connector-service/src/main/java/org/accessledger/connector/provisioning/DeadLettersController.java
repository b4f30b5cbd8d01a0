package org.accessledger.connector.provisioning;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Provisioning that gave up: one entry per parked worker sequence, named by the id of its first letter. A retry sends
 * the sequence through the target's provisioner again; if it fails again, it stays parked.
 */
@RestController
public class DeadLettersController {

    /** A parked sequence: the worker, the target's group, the event that failed first, why, and how many wait behind it. */
    public record DeadLetterView(String id, String group, String workerId, String event, String cause,
                                 Instant enqueuedAt, Instant lastTouched, int letters) {
    }

    /** The outcome of a retry. */
    public record RetryOutcome(String id, boolean succeeded) {
    }

    private final Targets targets;
    private final EventProcessingConfiguration processing;

    public DeadLettersController(Targets targets, EventProcessingConfiguration processing) {
        this.targets = targets;
        this.processing = processing;
    }

    @GetMapping("/api/v1/dead-letters")
    public List<DeadLetterView> deadLetters() {
        List<DeadLetterView> views = new ArrayList<>();
        for (Target target : targets.all()) {
            queueOf(target).ifPresent(queue -> queue.deadLetters().forEach(sequence -> {
                List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
                sequence.forEach(letters::add);
                if (!letters.isEmpty()) {
                    views.add(view(target.processingGroup(), letters));
                }
            }));
        }
        return views;
    }

    @PostMapping("/api/v1/dead-letters/{id}/retry")
    public RetryOutcome retry(@PathVariable String id) {
        for (Target target : targets.all()) {
            boolean parkedHere = deadLetters().stream().anyMatch(view -> view.id().equals(id) && view.group().equals(target.processingGroup()));
            if (parkedHere) {
                boolean succeeded = processing.sequencedDeadLetterProcessor(target.processingGroup()).orElseThrow()
                        .process(letter -> letter.message().getIdentifier().equals(id));
                return new RetryOutcome(id, succeeded);
            }
        }
        throw new NotFoundException(ErrorCode.NOT_FOUND, "No parked provisioning " + id);
    }

    private java.util.Optional<SequencedDeadLetterQueue<EventMessage<?>>> queueOf(Target target) {
        return processing.deadLetterQueue(target.processingGroup());
    }

    private static DeadLetterView view(String group, List<DeadLetter<? extends EventMessage<?>>> letters) {
        DeadLetter<? extends EventMessage<?>> first = letters.get(0);
        Object payload = first.message().getPayload();
        String workerId = payload instanceof WorkerScoped scoped ? scoped.workerId().value() : null;
        return new DeadLetterView(first.message().getIdentifier(), group, workerId, first.message().getPayloadType().getSimpleName(),
                first.cause().map(Cause::message).orElse(null), first.enqueuedAt(), first.lastTouched(), letters.size());
    }
}
