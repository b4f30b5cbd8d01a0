package org.accessledger.platform.storage;

/**
 * For a sender of many commands at once (the HR intake's batches): its commands, marked with {@link #SENDER_FORCES},
 * skip the write per command that {@link CommandsDurableOnH2} would force, and the sender forces one write for all of
 * them before it reports any outcome. Absent where every commit is durable by itself (PostgreSQL, Axon Server).
 */
public interface BatchDurability {

    /** Command metadata: the sender calls {@link #forceWrites()} before it reports the command's outcome. */
    String SENDER_FORCES = "accessledger.senderForcesWrites";

    /** Returns once every commit so far is in the store's file. */
    void forceWrites();
}
