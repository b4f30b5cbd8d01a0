package org.accessledger.platform.audit;

import org.accessledger.platform.audit.log.AuditLogAppender;
import org.accessledger.platform.audit.log.AuditLogStore;
import org.accessledger.platform.audit.log.CheckpointStore;
import org.accessledger.platform.audit.log.EventTableReader;
import org.accessledger.platform.audit.log.LogVerification;
import org.accessledger.platform.audit.log.StoredEvent;
import org.accessledger.platform.audit.note.Checkpoint;
import org.accessledger.platform.audit.note.Ed25519NoteKey;
import org.accessledger.platform.audit.note.NoteVerifierKey;
import org.accessledger.platform.audit.tree.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The log kept up to date in the background: appends what the event store holds every poll, and signs a checkpoint
 * after {@code checkpointEvents} new events or {@code checkpointInterval}, whichever comes first, or when asked.
 */
public class AuditLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_BATCHES_BEFORE_CHECKPOINT = 100;

    private final AuditLogAppender appender;
    private final EventTableReader events;
    private final AuditLogStore leaves;
    private final CheckpointStore checkpoints;
    private final Ed25519NoteKey signingKey;
    private final AuditProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private Instant lastCheckpointAt;
    private long lastCheckpointSize;

    public AuditLog(AuditLogAppender appender, EventTableReader events, AuditLogStore leaves, CheckpointStore checkpoints,
                    Ed25519NoteKey signingKey, AuditProperties properties, Clock clock) {
        this.appender = appender;
        this.events = events;
        this.leaves = leaves;
        this.checkpoints = checkpoints;
        this.signingKey = signingKey;
        this.properties = properties;
        this.clock = clock;
        this.lastCheckpointAt = clock.instant();
        this.lastCheckpointSize = checkpoints.latest().map(CheckpointStore.StoredCheckpoint::treeSize).orElse(-1L);
    }

    public NoteVerifierKey verifierKey() {
        return signingKey.verifierKey();
    }

    public synchronized long size() {
        return appender.size();
    }

    /**
     * Appends what the store holds now, then signs a checkpoint of the whole log. Bounded, so that under a steady
     * stream the caller is answered; what arrives meanwhile goes into the next checkpoint.
     */
    public synchronized CheckpointStore.StoredCheckpoint checkpointNow() {
        for (int batch = 0; batch < MAX_BATCHES_BEFORE_CHECKPOINT && appender.appendAvailable() > 0; batch++) {
            // until the log has taken everything it may
        }
        return checkpoint();
    }

    public MerkleTree tree() {
        return new MerkleTree(leaves);
    }

    public OptionalLong leafIndexOf(String eventIdentifier) {
        return leaves.leafIndexOf(eventIdentifier);
    }

    /** The stored events of leaves {@code fromLeaf} onwards, as the store holds them now. */
    public List<StoredEvent> events(long fromLeaf, int limit) {
        return events.inLeafOrder(fromLeaf, limit);
    }

    /** Recomputes the log from the store as it is now; see {@link LogVerification}. */
    public LogVerification.Outcome verify(LongConsumer progress) {
        return LogVerification.run(events, checkpoints.from(0, Integer.MAX_VALUE), signingKey.verifierKey(), size(),
                progress);
    }

    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    synchronized void poll() {
        try {
            appender.appendAvailable();
            long grown = appender.size() - Math.max(lastCheckpointSize, 0);
            boolean due = grown >= properties.checkpointEvents()
                    || (appender.size() > lastCheckpointSize
                        && !clock.instant().isBefore(lastCheckpointAt.plus(properties.checkpointInterval())));
            if (due) {
                checkpoint();
            }
        } catch (RuntimeException e) {
            log.warn("The audit log could not take the latest events; it tries again at the next poll", e);
        }
    }

    private CheckpointStore.StoredCheckpoint checkpoint() {
        Instant now = clock.instant();
        Checkpoint body = new Checkpoint(properties.origin(), appender.size(), appender.root());
        CheckpointStore.StoredCheckpoint stored = new CheckpointStore.StoredCheckpoint(body.size(), now,
                body.signedBy(signingKey));
        checkpoints.save(stored);
        lastCheckpointAt = now;
        lastCheckpointSize = body.size();
        return checkpoints.at(body.size()).orElseThrow();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "audit-log"));
        long period = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
