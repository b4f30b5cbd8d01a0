package org.accessledger.platform.audit.log;

import org.accessledger.platform.audit.tree.CompactRange;
import org.accessledger.platform.audit.tree.MerkleHashes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends stored events to the log in global order. A missing global index is usually a transaction still in flight,
 * so the log waits for it up to {@code gapTimeout} before passing it; an event that fills a passed gap within
 * {@code lateWindow} is appended when it appears (the log records which event each leaf is, so the tree stays the
 * same across restarts). Not thread-safe: one appender per log, driven by one thread.
 */
public final class AuditLogAppender {

    /** A run of missing indexes this long is a jump of the store's sequence, not transactions in flight. */
    private static final long LONGEST_GAP_REMEMBERED = 10_000;

    private final EventTableReader events;
    private final AuditLogStore log;
    private final Clock clock;
    private final Duration gapTimeout;
    private final Duration lateWindow;
    private final int batchSize;
    private final Map<Long, Instant> gaps = new TreeMap<>();
    private CompactRange range;
    private long highestGlobalIndex;

    public AuditLogAppender(EventTableReader events, AuditLogStore log, Clock clock, Duration gapTimeout,
                            Duration lateWindow, int batchSize) {
        this.events = events;
        this.log = log;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.lateWindow = lateWindow;
        this.batchSize = batchSize;
        resume();
    }

    public long size() {
        return range.size();
    }

    public byte[] root() {
        return range.root();
    }

    /** Appends what the store holds now and the log may take; answers how many leaves were added. */
    public int appendAvailable() {
        Instant now = clock.instant();
        List<StoredEvent> ready = new ArrayList<>(lateFillers());
        for (StoredEvent event : events.after(highestGlobalIndex, batchSize)) {
            if (waitsForGapBefore(event.globalIndex(), now)) {
                break;
            }
            ready.add(event);
            highestGlobalIndex = event.globalIndex();
            gaps.remove(event.globalIndex()); // a gap filled in time, before the log passed it
        }
        gaps.entrySet().removeIf(gap -> gap.getKey() < highestGlobalIndex
                && gap.getValue().plus(gapTimeout).plus(lateWindow).isBefore(now));
        append(ready);
        return ready.size();
    }

    private List<StoredEvent> lateFillers() {
        List<Long> passed = gaps.keySet().stream().filter(index -> index < highestGlobalIndex).limit(1000).toList();
        List<StoredEvent> fillers = events.at(passed);
        fillers.forEach(event -> gaps.remove(event.globalIndex()));
        return fillers;
    }

    private boolean waitsForGapBefore(long globalIndex, Instant now) {
        long missing = highestGlobalIndex < 0 ? 0 : globalIndex - highestGlobalIndex - 1;
        if (missing > 0 && missing <= LONGEST_GAP_REMEMBERED) {
            for (long index = highestGlobalIndex + 1; index < globalIndex; index++) {
                gaps.putIfAbsent(index, now);
            }
        }
        return gaps.entrySet().stream().anyMatch(gap -> gap.getKey() > highestGlobalIndex && gap.getKey() < globalIndex
                && gap.getValue().plus(gapTimeout).isAfter(now));
    }

    private void append(List<StoredEvent> ready) {
        if (ready.isEmpty()) {
            return;
        }
        List<AuditLogStore.AppendedLeaf> leaves = new ArrayList<>(ready.size());
        for (StoredEvent event : ready) {
            long index = range.size();
            leaves.add(new AuditLogStore.AppendedLeaf(index, event, range.append(MerkleHashes.leaf(event.canonicalBytes()))));
        }
        try {
            log.append(leaves);
        } catch (RuntimeException e) {
            resume();
            throw e;
        }
    }

    private void resume() {
        range = CompactRange.resume(log.size(), log);
        highestGlobalIndex = log.highestGlobalIndex();
        gaps.clear();
    }
}
