package org.accessledger.platform.audit.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of RFC 9162 section 2.1 for any size a log has reached, computed from its perfect subtrees: a
 * proof needs O(log n) of them, however large the log.
 */
public final class MerkleTree {

    private final PerfectSubtrees subtrees;

    public MerkleTree(PerfectSubtrees subtrees) {
        this.subtrees = subtrees;
    }

    public byte[] root(long size) {
        requireNotNegative(size, "size");
        return size == 0 ? MerkleHashes.emptyRoot() : hash(0, size);
    }

    /** RFC 9162 2.1.3.1: the audit path of leaf {@code index} in the tree of {@code size} leaves, leaf side first. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(index, 0, size, path);
        return path;
    }

    /** RFC 9162 2.1.4.1: the proof that the tree of {@code from} leaves is a prefix of the tree of {@code to}. */
    public List<byte[]> consistencyProof(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("A tree of " + from + " leaves cannot precede one of " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            collectSubproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private void collectPath(long index, long start, long size, List<byte[]> path) {
        if (size == 1) {
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (index < split) {
            collectPath(index, start, split, path);
            path.add(hash(start + split, size - split));
        } else {
            collectPath(index - split, start + split, size - split, path);
            path.add(hash(start, split));
        }
    }

    private void collectSubproof(long from, long start, long size, boolean wholeOldTree, List<byte[]> proof) {
        if (from == size) {
            if (!wholeOldTree) {
                proof.add(hash(start, size));
            }
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (from <= split) {
            collectSubproof(from, start, split, wholeOldTree, proof);
            proof.add(hash(start + split, size - split));
        } else {
            collectSubproof(from - split, start + split, size - split, false, proof);
            proof.add(hash(start, split));
        }
    }

    /** MTH of leaves [start, start + size), start being aligned to the largest power of two in size. */
    private byte[] hash(long start, long size) {
        if (Long.bitCount(size) == 1) {
            int level = Long.numberOfTrailingZeros(size);
            return subtrees.hash(level, start >>> level);
        }
        long split = largestPowerOfTwoBelow(size);
        return MerkleHashes.node(hash(start, split), hash(start + split, size - split));
    }

    /** The k of RFC 9162: the largest power of two smaller than n (n > 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void requireNotNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
