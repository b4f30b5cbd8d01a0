package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessProfiles;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.entitlement.policy.PolicyParser;
import org.accessledger.entitlement.publication.PolicyPublished;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings every worker the new policy version affects in line with it. Whether a worker is affected is decided by the
 * same {@link AccessDecider} the profile uses, so unaffected workers receive no command and record no event.
 */
@Component
@ProcessingGroup(PolicyRollout.GROUP)
@DisallowReplay
public class PolicyRollout {

    public static final String GROUP = "policy-rollout";
    private static final Logger log = LoggerFactory.getLogger(PolicyRollout.class);

    private final CurrentAccessSource currentAccess;
    private final PolicyImpact impact;
    private final CommandGateway commands;

    public PolicyRollout(CurrentAccessSource currentAccess, PolicyImpact impact, CommandGateway commands) {
        this.currentAccess = currentAccess;
        this.impact = impact;
        this.commands = commands;
    }

    /**
     * The current-access view is kept by other processors and may trail this one: the roll-out first waits until it
     * shows the decisions of everything stored before the publication, or a worker hired just before would be missed.
     */
    @EventHandler
    void on(PolicyPublished event, @MessageIdentifier String eventId, TrackingToken token) {
        token.position().ifPresent(currentAccess::awaitDecisionsUpTo);
        List<WorkerId> affected = new ArrayList<>();
        impact.forEachWorker(PolicyParser.parse(event.document()), event.version(), eventId, event.publishedAt(), worker -> {
            if (!worker.decisions().isEmpty()) {
                affected.add(worker.workerId());
            }
        });
        affected.forEach(workerId -> commands.sendAndWait(
                new ReevaluateAccess(AccessProfiles.idOf(workerId), workerId, eventId, event.publishedAt())));
        log.info("Policy version {} changes the access of {} worker(s)", event.version(), affected.size());
    }
}
