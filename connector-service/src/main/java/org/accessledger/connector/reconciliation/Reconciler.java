package org.accessledger.connector.reconciliation;

import org.accessledger.connector.account.DesiredAccessStore;
import org.accessledger.connector.provisioning.WorkerDirectory;
import org.accessledger.connector.safeguard.Safeguard;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.ListAccountsOp;
import org.accessledger.connector.spi.TestOp;
import org.accessledger.connector.targets.Target;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts reconciliation runs, one per target at a time, each on a thread of its own; a run that fails midway ends
 * FAILED with its cause, and what it recorded before stays recorded.
 */
@Component
public class Reconciler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** The target cannot be read now; nothing was started. */
    public static final class TargetUnavailable extends RuntimeException {
        TargetUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The target's connector cannot list accounts. */
    public static final class NotReconcilable extends RuntimeException {
        NotReconcilable(String message) {
            super(message);
        }
    }

    private final ReconciliationRuns runs;
    private final DesiredAccessStore desired;
    private final WorkerDirectory directory;
    private final Safeguard safeguard;
    private final CommandGateway commands;
    private final ReconciliationMetrics metrics;
    private final Clock clock;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "reconciliation");
        thread.setDaemon(true);
        return thread;
    });

    public Reconciler(ReconciliationRuns runs, DesiredAccessStore desired, WorkerDirectory directory, Safeguard safeguard,
                      CommandGateway commands, ReconciliationMetrics metrics, Clock clock) {
        this.runs = runs;
        this.desired = desired;
        this.directory = directory;
        this.safeguard = safeguard;
        this.commands = commands;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Starts a run of {@code target} and answers its id; throws {@link ReconciliationRuns.AlreadyRunning} while another
     * runs, {@link TargetUnavailable} when the target does not answer.
     */
    public String start(Target target, String requestedBy) {
        if (!(target.connector() instanceof ListAccountsOp)) {
            throw new NotReconcilable("Target " + target.name() + " cannot list its accounts");
        }
        if (target.connector() instanceof TestOp test) {
            try {
                test.test();
            } catch (ConnectorException e) {
                throw new TargetUnavailable("Target " + target.name() + " cannot be read now: " + e.getMessage(), e);
            }
        }
        String reconciliationId = UUID.randomUUID().toString();
        runs.start(reconciliationId, target.name(), requestedBy);
        commands.sendAndWait(new Reconciliation.Start(reconciliationId, target.name(), requestedBy, clock.instant()));
        executor.submit(() -> run(target, reconciliationId));
        return reconciliationId;
    }

    private void run(Target target, String reconciliationId) {
        long started = System.nanoTime();
        ReconciliationPass pass = new ReconciliationPass(target, reconciliationId, desired, directory, safeguard, commands, runs, clock);
        try {
            pass.run();
            runs.complete(reconciliationId, target.name(), pass.accountsRead(), pass.counts());
            safeguard.recordAccounts(target.name(), pass.accountsRead());
            commands.sendAndWait(new Reconciliation.Complete(reconciliationId, pass.accountsRead(), pass.counts(), clock.instant()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.completed(target.name(), pass.accountsRead(), took);
            log.info("Reconciled {}: {} accounts in {} ms, findings {}", target.name(), pass.accountsRead(), took.toMillis(), pass.counts());
        } catch (RuntimeException e) {
            log.warn("Reconciliation {} of {} failed", reconciliationId, target.name(), e);
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            runs.fail(reconciliationId, target.name(), cause);
            commands.sendAndWait(new Reconciliation.Fail(reconciliationId, cause, clock.instant()));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
