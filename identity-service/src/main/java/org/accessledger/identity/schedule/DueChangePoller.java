package org.accessledger.identity.schedule;

import org.accessledger.api.worker.WorkerId;
import org.accessledger.identity.worker.command.ApplyDueChanges;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Makes future-dated changes happen on time. The schedule is a read model built from the workers' events, so it
 * survives restarts and replays; the command it sends is idempotent, so a stale or repeated tick is harmless.
 */
@Component
public class DueChangePoller implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DueChangePoller.class);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;
    private final SchedulingProperties scheduling;

    public DueChangePoller(QueryGateway queries, CommandGateway commands, Clock clock, SchedulingProperties scheduling) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.scheduling = scheduling;
    }

    /** Every {@code accessledger.scheduling.poll-interval}, the next tick that long after the last ended. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::applyDueChanges, scheduling.pollInterval());
    }

    public void applyDueChanges() {
        List<String> due = queries.query(new FindWorkersWithDueChangesQuery(clock.instant()),
                ResponseTypes.multipleInstancesOf(String.class)).join();
        for (String workerId : due) {
            try {
                commands.sendAndWait(new ApplyDueChanges(WorkerId.of(workerId)));
            } catch (RuntimeException e) {
                log.warn("Scheduled changes of worker {} could not be applied; retrying on the next tick", workerId, e);
            }
        }
    }
}
