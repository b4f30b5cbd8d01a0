package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessProfiles;
import org.accessledger.api.worker.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Feeds each worker's lifecycle into its access profile. Commands are idempotent by the event's identifier, so a
 * redelivered event changes nothing; a replay does not send them again.
 */
@Component
@ProcessingGroup(WorkerChangesToAccess.GROUP)
@DisallowReplay
public class WorkerChangesToAccess {

    public static final String GROUP = "access-decisions";
    private static final Map<ChangeType, String> LIFECYCLE_RULES = Map.of(ChangeType.TERMINATION, "termination", ChangeType.CONTRACT_END, "contract-expiry");

    private final CommandGateway commands;

    public WorkerChangesToAccess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(WorkerHired event, @MessageIdentifier String eventId) {
        send(event, eventId, null, true, WorkerStatus.PRE_HIRE, event.person().workerType(), event.assignment());
    }

    @EventHandler
    void on(WorkerRehired event, @MessageIdentifier String eventId) {
        send(event, eventId, null, true, WorkerStatus.PRE_HIRE, event.person().workerType(), event.assignment());
    }

    @EventHandler
    void on(WorkerStarted event, @MessageIdentifier String eventId) {
        send(event, eventId, null, false, WorkerStatus.ACTIVE, null, null);
    }

    @EventHandler
    void on(AssignmentChanged event, @MessageIdentifier String eventId) {
        send(event, eventId, null, false, null, null, event.assignment());
    }

    @EventHandler
    void on(LeaveStarted event, @MessageIdentifier String eventId) {
        send(event, eventId, null, false, WorkerStatus.ON_LEAVE, null, null);
    }

    @EventHandler
    void on(LeaveEnded event, @MessageIdentifier String eventId) {
        send(event, eventId, null, false, WorkerStatus.ACTIVE, null, null);
    }

    @EventHandler
    void on(WorkerTerminated event, @MessageIdentifier String eventId) {
        send(event, eventId, LIFECYCLE_RULES.get(ChangeType.TERMINATION), false, WorkerStatus.TERMINATED, null, null);
    }

    @EventHandler
    void on(ContractExpired event, @MessageIdentifier String eventId) {
        send(event, eventId, LIFECYCLE_RULES.get(ChangeType.CONTRACT_END), false, WorkerStatus.TERMINATED, null, null);
    }

    @EventHandler
    void on(HireCancelled event, @MessageIdentifier String eventId) {
        send(event, eventId, "hire-cancellation", false, WorkerStatus.HIRE_CANCELLED, null, null);
    }

    /** A retroactive change: the profile re-decides the corrected window and decides the net change now. */
    @EventHandler
    void on(WorkerTimelineCorrected event, @MessageIdentifier String eventId) {
        if (!event.effectiveAt().isBefore(event.correctedAt())) {
            return;
        }
        List<FactsAt> facts = event.steps().stream().map(step -> new FactsAt(step.change().effectiveAt(), step.change().hrEventId(), step.status(),
                null, step.assignment(), LIFECYCLE_RULES.get(step.change().type()), false)).toList();
        commands.sendAndWait(new CorrectAccessTimeline(AccessProfiles.idOf(event.workerId()), event.workerId(), eventId, event.hrEventId(),
                event.effectiveAt(), facts));
    }

    private void send(WorkerEvent event, String eventId, String lifecycleRule, boolean newEmployment,
                      WorkerStatus status, WorkerType workerType, Assignment assignment) {
        commands.sendAndWait(new ApplyWorkerChange(AccessProfiles.idOf(event.workerId()), event.workerId(), eventId,
                event.hrEventId(), event.effectiveAt(), lifecycleRule, newEmployment, status, workerType, assignment));
    }
}
