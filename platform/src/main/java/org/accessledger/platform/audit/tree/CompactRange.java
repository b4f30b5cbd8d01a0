package org.accessledger.platform.audit.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing log: one perfect subtree hash per set bit of its size, enough to append a leaf and
 * compute the root in O(log n) memory whatever the size (transparency-dev's compact range, from the left edge).
 */
public final class CompactRange {

    /** A perfect subtree that an append completed; a log keeps these to answer proofs later. */
    public record Subtree(int level, long index, byte[] hash) {
    }

    private final List<byte[]> edge = new ArrayList<>();
    private long size;

    public CompactRange() {
    }

    /** Resumes a log of {@code size} leaves from its stored perfect subtrees. */
    public static CompactRange resume(long size, PerfectSubtrees subtrees) {
        CompactRange range = new CompactRange();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                range.edge.add(subtrees.hash(level, start >>> level));
                start += width;
            }
        }
        range.size = size;
        return range;
    }

    public long size() {
        return size;
    }

    /** Appends one leaf hash and answers every perfect subtree it completed, the leaf itself first. */
    public List<Subtree> append(byte[] leafHash) {
        List<Subtree> completed = new ArrayList<>();
        byte[] hash = leafHash;
        int level = 0;
        long index = size;
        completed.add(new Subtree(0, index, hash));
        while ((index & 1) == 1) {
            hash = MerkleHashes.node(edge.remove(edge.size() - 1), hash);
            level++;
            index >>>= 1;
            completed.add(new Subtree(level, index, hash));
        }
        edge.add(hash);
        size++;
        return completed;
    }

    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            root = MerkleHashes.node(edge.get(i), root);
        }
        return root;
    }
}
