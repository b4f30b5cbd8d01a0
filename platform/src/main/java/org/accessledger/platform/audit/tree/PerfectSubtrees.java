package org.accessledger.platform.audit.tree;

/**
 * The hashes of a log's perfect subtrees: the subtree at {@code level} and {@code index} covers leaves
 * {@code index * 2^level} up to {@code (index + 1) * 2^level}, and once complete it never changes.
 */
@FunctionalInterface
public interface PerfectSubtrees {

    byte[] hash(int level, long index);
}
