package org.accessledger.platform.storage;

/**
 * Makes the read-model writes the calling thread has had acknowledged survive a crash of this process.
 * <p>
 * Axon records that an event has been handled in the event store's database: a tracking processor's token, or, for
 * a subscribing handler, the command's own events. If that record is durable before the read-model writes the
 * handling made, a crash in between loses those writes for good, because nothing hands the event to the handler
 * again. So those records wait for this.
 */
@FunctionalInterface
public interface ReadModelDurability {

    /** A MongoDB server runs in its own process: a crash of ours cannot take back a write it has acknowledged. */
    ReadModelDurability ACKNOWLEDGED_IS_DURABLE = () -> { };

    void makeDurable();
}
