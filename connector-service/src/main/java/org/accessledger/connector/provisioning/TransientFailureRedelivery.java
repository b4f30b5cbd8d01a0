package org.accessledger.connector.provisioning;

import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A target that was down longer than the in-line retries leaves parked sequences behind. Those whose failure was
 * transient are sent through again on a schedule, so an outage heals by itself once the target is back; permanent
 * failures wait for an operator's retry.
 */
@Component
public class TransientFailureRedelivery {

    static final String TRANSIENT = "transient";
    private static final Logger log = LoggerFactory.getLogger(TransientFailureRedelivery.class);

    private final Targets targets;
    private final EventProcessingConfiguration processing;

    public TransientFailureRedelivery(Targets targets, EventProcessingConfiguration processing) {
        this.targets = targets;
        this.processing = processing;
    }

    /** The dead-letter policy of every provisioning group: park, noting whether the failure was transient. */
    static EnqueueDecision<EventMessage<?>> enqueue(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        boolean transientFailure = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            transientFailure |= t instanceof ConnectorException failure && failure.isTransient();
        }
        boolean isTransient = transientFailure;
        return Decisions.enqueue(cause, parked -> parked.diagnostics().and(TRANSIENT, String.valueOf(isTransient)));
    }

    @Scheduled(fixedDelayString = "${accessledger.provisioning.redelivery-interval:PT30S}")
    public void redeliver() {
        for (Target target : targets.all()) {
            var queue = processing.deadLetterQueue(target.processingGroup());
            var processor = processing.sequencedDeadLetterProcessor(target.processingGroup());
            if (queue.isEmpty() || processor.isEmpty()) {
                continue;
            }
            long parked = queue.get().amountOfSequences();
            int healed = 0;
            for (long i = 0; i < parked && processor.get().process(TransientFailureRedelivery::retriedAutomatically); i++) {
                healed++;
            }
            if (healed > 0) {
                log.info("Target {}: {} parked worker sequence(s) went through after a transient failure", target.name(), healed);
            }
        }
    }

    /**
     * Whether a sequence whose first letter is {@code letter} goes through on the schedule: yes unless that letter's own
     * failure was permanent. A letter without a cause never failed itself; Axon queues an event that way behind a parked
     * one, and it comes first when the redelivery finishes the letters ahead of it at the moment it is queued.
     */
    static boolean retriedAutomatically(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.cause().isEmpty() || "true".equals(String.valueOf(letter.diagnostics().get(TRANSIENT)));
    }
}
