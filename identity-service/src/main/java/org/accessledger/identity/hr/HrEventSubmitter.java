package org.accessledger.identity.hr;

import io.micrometer.core.instrument.MeterRegistry;
import org.accessledger.api.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.HrEventOutcome;
import org.accessledger.api.worker.WorkerCommand;
import org.accessledger.platform.web.Problems;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;

/** Sends one HR command to its worker and reports the outcome; counts every outcome for the SREs. */
@Component
public class HrEventSubmitter {

    private static final Logger log = LoggerFactory.getLogger(HrEventSubmitter.class);

    private final CommandGateway commands;
    private final MeterRegistry meters;

    private final Clock clock;

    public HrEventSubmitter(CommandGateway commands, MeterRegistry meters, Clock clock) {
        this.commands = commands;
        this.meters = meters;
        this.clock = clock;
    }

    public HrEventResult submit(HrEvent event) {
        HrEventResult result = send(event.command());
        meters.counter("accessledger.hr.events", "type", event.type().name(), "outcome", result.outcome().name()).increment();
        return result;
    }

    private HrEventResult send(WorkerCommand command) {
        String hrEventId = command.hrEventId().value();
        String workerId = command.workerId().value();
        try {
            HrEventOutcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(MetaDataKeys.HR_ACCEPTED_AT, clock.instant().toString())));
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
