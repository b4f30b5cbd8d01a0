package org.accessledger.entitlement.simulation;

import jakarta.annotation.PreDestroy;
import org.accessledger.entitlement.policy.AccessPolicy;
import org.accessledger.entitlement.policy.CurrentPolicy;
import org.accessledger.entitlement.policy.PolicyParser;
import org.accessledger.entitlement.profile.PolicyImpact;
import org.accessledger.entitlement.publication.AccessPolicyHistory;
import org.accessledger.entitlement.publication.PublicationImpact;
import org.accessledger.entitlement.publication.PublishGuardProperties;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Simulations of candidate policy versions over the workforce as it stands, in the background, with the very decisions
 * a publication would make ({@link PolicyImpact}); they change no access, call no target and record only
 * {@link PolicySimulated}. Results are kept in this process for {@code accessledger.policy.simulations.retention}.
 * Also the publication guard's measure of a document.
 */
@Component
@EnableConfigurationProperties(SimulationProperties.class)
public class PolicySimulations implements PublicationImpact {

    private static final Logger log = LoggerFactory.getLogger(PolicySimulations.class);
    private static final int PROGRESS_EVERY = 1_000;

    private final PolicyImpact impact;
    private final CurrentPolicy currentPolicy;
    private final EventGateway events;
    private final Clock clock;
    private final PublishGuardProperties guard;
    private final SimulationProperties properties;
    private final Map<String, Simulation> simulations = new ConcurrentHashMap<>();
    private final ExecutorService runner;

    public PolicySimulations(PolicyImpact impact, CurrentPolicy currentPolicy, EventGateway events, Clock clock,
                             PublishGuardProperties guard, SimulationProperties properties) {
        this.impact = impact;
        this.currentPolicy = currentPolicy;
        this.events = events;
        this.clock = clock;
        this.guard = guard;
        this.properties = properties;
        this.runner = Executors.newFixedThreadPool(properties.concurrency(), task -> {
            Thread thread = new Thread(task, "policy-simulation");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts simulating a document already validated; answers its id at once. */
    public String start(String document, String requestedBy) {
        discardExpired();
        Simulation simulation = new Simulation(UUID.randomUUID().toString(), AccessPolicyHistory.sha256(document), publishedVersion(),
                requestedBy, clock.instant());
        simulations.put(simulation.id(), simulation);
        runner.execute(() -> run(simulation, document));
        return simulation.id();
    }

    public Optional<SimulationView> find(String simulationId) {
        discardExpired();
        return Optional.ofNullable(simulations.get(simulationId)).map(Simulation::view);
    }

    /** The changes of a finished simulation (none before it finished); empty if there is no such simulation. */
    public Optional<List<SimulationChange>> changes(String simulationId) {
        return Optional.ofNullable(simulations.get(simulationId)).map(Simulation::changes);
    }

    @Override
    public Assessment assess(String document) {
        ImpactTally tally = new ImpactTally(false);
        impact.forEachWorker(PolicyParser.parse(document), nextVersion(), "publication-guard", clock.instant(), tally::add);
        boolean trips = guard.trips(tally.revocations(), tally.workersLosing(), tally.workers());
        return new Assessment(tally.revocations(), tally.workersLosing(), tally.workers(), trips, guard.describe(), tally.summary(trips));
    }

    @Override
    public Optional<String> refusalToConfirm(String simulationId, String documentHash) {
        Simulation simulation = simulations.get(simulationId);
        if (simulation == null) {
            return Optional.of("no simulation " + simulationId + " is kept (unknown, or discarded after its retention)");
        }
        if (simulation.status() != SimulationView.Status.FINISHED) {
            return Optional.of("simulation " + simulationId + " is " + simulation.status() + ", not FINISHED");
        }
        if (!simulation.documentHash().equals(documentHash)) {
            return Optional.of("simulation " + simulationId + " simulated another document (hash " + simulation.documentHash() + ")");
        }
        if (simulation.startedAt().plus(guard.confirmationMaxAge()).isBefore(clock.instant())) {
            return Optional.of("simulation " + simulationId + " ran at " + simulation.startedAt()
                    + ", longer ago than accessledger.policy.publish-guard.confirmation-max-age (" + guard.confirmationMaxAge() + ")");
        }
        return Optional.empty();
    }

    private void run(Simulation simulation, String document) {
        ImpactTally tally = new ImpactTally(true);
        try {
            AccessPolicy policy = PolicyParser.parse(document);
            impact.forEachWorker(policy, nextVersion(), "simulation:" + simulation.id(), simulation.startedAt(), worker -> {
                tally.add(worker);
                if (tally.workers() % PROGRESS_EVERY == 0) {
                    simulation.progressed(tally.workers());
                }
            });
            simulation.finished(tally, guard.trips(tally.revocations(), tally.workersLosing(), tally.workers()), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Policy simulation {} failed", simulation.id(), e);
            simulation.failed(e, clock.instant());
        }
        events.publish(new PolicySimulated(simulation.id(), simulation.documentHash(), simulation.requestedBy(), simulation.startedAt(),
                simulation.finishedAt(), simulation.status(), tally.workers(), tally.workersGaining(), tally.workersLosing(), tally.grants(),
                tally.revocations(), tally.approvalsRequested(), tally.sodConflicts(),
                guard.trips(tally.revocations(), tally.workersLosing(), tally.workers())));
    }

    private Long publishedVersion() {
        try {
            return currentPolicy.current().version();
        } catch (IllegalStateException noneYet) {
            return null;
        }
    }

    /** The version the candidate would become, which its simulated decisions' reasons name. */
    private long nextVersion() {
        Long published = publishedVersion();
        return published == null ? 1 : published + 1;
    }

    private void discardExpired() {
        Instant oldest = clock.instant().minus(properties.retention());
        simulations.values().removeIf(simulation -> simulation.finishedAt() != null && simulation.finishedAt().isBefore(oldest));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
