package org.accessledger.platform.storage;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import java.util.Set;

/**
 * Knows whether the calling thread has written to the read models since it last made them durable, so that a
 * processor which wrote nothing (one that only sends commands, or skipped the events) stores its token without making
 * the embedded store write a chunk for everybody else's writes. The synchronous MongoDB driver announces a command on
 * the thread that sends it, and Axon stores a streaming processor's token on the thread that handled the batch.
 */
public final class ReadModelWritesPerThread implements CommandListener {

    /** Anything not known to only read counts as a write: a needless commit costs time, a missed one data. */
    private static final Set<String> READS = Set.of("find", "getMore", "aggregate", "count", "distinct", "killCursors",
            "listCollections", "listIndexes", "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo",
            "endSessions");

    private final ThreadLocal<Boolean> wrote = ThreadLocal.withInitial(() -> false);

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!READS.contains(event.getCommandName())) {
            wrote.set(true);
        }
    }

    /** {@code durability}, asked only when the calling thread has written since it last was. */
    public ReadModelDurability ofTheCallingThread(ReadModelDurability durability) {
        return () -> {
            if (wrote.get()) {
                durability.makeDurable();
                wrote.set(false);
            }
        };
    }
}
