package org.accessledger.platform.audit.log;

import org.accessledger.platform.audit.log.CheckpointStore.StoredCheckpoint;
import org.accessledger.platform.audit.log.EventTableReader.LoggedLeaf;
import org.accessledger.platform.audit.note.Checkpoint;
import org.accessledger.platform.audit.note.InvalidNoteException;
import org.accessledger.platform.audit.note.NoteVerifierKey;
import org.accessledger.platform.audit.tree.CompactRange;
import org.accessledger.platform.audit.tree.MerkleHashes;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Recomputes the log from what the event store holds now and checks it leaf by leaf against the log's own record and
 * root by root against every signed checkpoint; stops at the first place where store and log part ways.
 */
public final class LogVerification {

    public enum Finding {
        /** The event a leaf records is no longer in the store. */
        EVENT_MISSING,
        /** The event stored at a leaf's global index no longer has the bytes the leaf hashed. */
        EVENT_CHANGED,
        /** The log's own record lacks a leaf (its table was edited). */
        LEAF_MISSING,
        /** A stored event below the log's end that no leaf records (inserted after the fact, or far too late). */
        EVENT_NOT_IN_LOG,
        /** The recomputed root differs from a signed checkpoint's (the log's own records were changed too). */
        ROOT_DIFFERS,
        /** A stored checkpoint whose signature does not verify under the log's key. */
        CHECKPOINT_SIGNATURE_INVALID
    }

    /** @param leafIndex -1 when the finding concerns no one leaf */
    public record Mismatch(Finding finding, long leafIndex, long globalIndex, String eventId, String detail) {
    }

    public record Outcome(long eventsChecked, int checkpointsChecked, Mismatch firstMismatch) {

        public boolean intact() {
            return firstMismatch == null;
        }
    }

    private static final int PAGE = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private LogVerification() {
    }

    public static Outcome run(EventTableReader reader, List<StoredCheckpoint> stored, NoteVerifierKey key, long logSize,
                              LongConsumer progress) {
        Deque<Checkpoint> checkpoints = new ArrayDeque<>();
        for (StoredCheckpoint checkpoint : stored.stream().sorted(Comparator.comparingLong(StoredCheckpoint::treeSize)).toList()) {
            try {
                checkpoints.add(Checkpoint.open(checkpoint.note(), key));
            } catch (InvalidNoteException e) {
                return new Outcome(0, 0, new Mismatch(Finding.CHECKPOINT_SIGNATURE_INVALID, -1, -1, null,
                        "The checkpoint of size " + checkpoint.treeSize() + ": " + e.getMessage()));
            }
        }
        CompactRange range = new CompactRange();
        int checkpointsChecked = 0;
        long highestGlobalIndex = -1;
        while (range.size() < logSize) {
            List<LoggedLeaf> page = reader.leavesAgainstStore(range.size(), (int) Math.min(PAGE, logSize - range.size()));
            if (page.isEmpty()) {
                break;
            }
            for (LoggedLeaf leaf : page) {
                if (leaf.leafIndex() != range.size()) {
                    return new Outcome(range.size(), checkpointsChecked, new Mismatch(Finding.LEAF_MISSING, range.size(),
                            -1, null, "The log has no record of leaf " + range.size()));
                }
                Mismatch mismatch = compare(leaf);
                if (mismatch != null) {
                    return new Outcome(range.size(), checkpointsChecked, mismatch);
                }
                range.append(HEX.parseHex(leaf.leafHash()));
                highestGlobalIndex = Math.max(highestGlobalIndex, leaf.globalIndex());
                while (!checkpoints.isEmpty() && checkpoints.peek().size() == range.size()) {
                    Checkpoint checkpoint = checkpoints.poll();
                    if (!MessageDigest.isEqual(checkpoint.rootHash(), range.root())) {
                        return new Outcome(range.size(), checkpointsChecked, new Mismatch(Finding.ROOT_DIFFERS, -1, -1,
                                null, "The store's first " + checkpoint.size() + " events do not reproduce the signed root"));
                    }
                    checkpointsChecked++;
                }
            }
            progress.accept(range.size());
        }
        long notInLog = reader.firstEventNotInLog(highestGlobalIndex);
        if (notInLog >= 0) {
            return new Outcome(range.size(), checkpointsChecked, new Mismatch(Finding.EVENT_NOT_IN_LOG, -1, notInLog, null,
                    "The store holds an event at global index " + notInLog + " that the log does not"));
        }
        return new Outcome(range.size(), checkpointsChecked, null);
    }

    /** Also the leaf hash the log recorded must be the one recomputed: the roots are built from the recomputed ones. */
    private static Mismatch compare(LoggedLeaf leaf) {
        if (leaf.event() == null) {
            return new Mismatch(Finding.EVENT_MISSING, leaf.leafIndex(), leaf.globalIndex(), null,
                    "No event is stored at global index " + leaf.globalIndex() + " any more");
        }
        byte[] recomputed = MerkleHashes.leaf(leaf.event().canonicalBytes());
        if (!MessageDigest.isEqual(recomputed, HEX.parseHex(leaf.leafHash()))) {
            return new Mismatch(Finding.EVENT_CHANGED, leaf.leafIndex(), leaf.globalIndex(), leaf.event().eventIdentifier(),
                    "The event at global index " + leaf.globalIndex() + " is not the one the log recorded");
        }
        return null;
    }
}
