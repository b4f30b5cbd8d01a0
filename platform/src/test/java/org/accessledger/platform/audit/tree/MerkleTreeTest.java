package org.accessledger.platform.audit.tree;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    /** A log held in memory, its perfect subtrees kept as {@link CompactRange} completes them. */
    private static final class InMemoryLog implements PerfectSubtrees {
        private final Map<String, byte[]> subtrees = new HashMap<>();
        private final CompactRange range = new CompactRange();

        InMemoryLog append(byte[] entry) {
            range.append(MerkleHashes.leaf(entry))
                    .forEach(subtree -> subtrees.put(subtree.level() + "/" + subtree.index(), subtree.hash()));
            return this;
        }

        @Override
        public byte[] hash(int level, long index) {
            return subtrees.get(level + "/" + index);
        }
    }

    private static InMemoryLog referenceLog() {
        InMemoryLog log = new InMemoryLog();
        Rfc9162TestVectors.LEAF_INPUTS.forEach(log::append);
        return log;
    }

    static Stream<Rfc9162TestVectors.Case> validInclusionCases() throws IOException {
        return Rfc9162TestVectors.cases("inclusion").filter(vector -> !vector.wantsError());
    }

    static Stream<Rfc9162TestVectors.Case> validConsistencyCases() throws IOException {
        return Rfc9162TestVectors.cases("consistency").filter(vector -> !vector.wantsError());
    }

    @Test
    void every_prefix_of_the_reference_log_has_the_published_root() {
        InMemoryLog log = new InMemoryLog();
        MerkleTree tree = new MerkleTree(log);
        assertThat(tree.root(0)).isEqualTo(Rfc9162TestVectors.ROOTS.get(0));
        assertThat(log.range.root()).isEqualTo(Rfc9162TestVectors.ROOTS.get(0));

        for (int size = 1; size <= Rfc9162TestVectors.LEAF_INPUTS.size(); size++) {
            log.append(Rfc9162TestVectors.LEAF_INPUTS.get(size - 1));
            assertThat(log.range.root()).as("streamed root of %d", size).isEqualTo(Rfc9162TestVectors.ROOTS.get(size));
            for (int earlier = 0; earlier <= size; earlier++) {
                assertThat(tree.root(earlier)).as("root of %d at %d", earlier, size)
                        .isEqualTo(Rfc9162TestVectors.ROOTS.get(earlier));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validInclusionCases")
    void builds_the_published_inclusion_proofs(Rfc9162TestVectors.Case vector) {
        List<byte[]> proof = new MerkleTree(referenceLog())
                .inclusionProof(vector.number("leafIdx"), vector.number("treeSize"));

        assertThat(proof).containsExactlyElementsOf(vector.proof());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validConsistencyCases")
    void builds_the_published_consistency_proofs(Rfc9162TestVectors.Case vector) {
        List<byte[]> proof = new MerkleTree(referenceLog())
                .consistencyProof(vector.number("size1"), vector.number("size2"));

        assertThat(proof).containsExactlyElementsOf(vector.proof());
    }

    @Test
    void every_proof_it_builds_verifies_and_fails_against_another_root() {
        InMemoryLog log = new InMemoryLog();
        for (int i = 0; i < 70; i++) {
            log.append(("event " + i).getBytes(StandardCharsets.UTF_8));
        }
        MerkleTree tree = new MerkleTree(log);
        for (long size = 1; size <= 70; size++) {
            byte[] root = tree.root(size);
            for (long index = 0; index < size; index++) {
                byte[] leaf = log.hash(0, index);
                List<byte[]> path = tree.inclusionProof(index, size);
                assertThat(ProofVerifier.verifyInclusion(index, size, leaf, path, root)).as("%d in %d", index, size).isTrue();
                assertThat(ProofVerifier.verifyInclusion(index, size, leaf, path, tree.root(size - 1 == 0 ? 1 : size - 1)))
                        .as("%d in %d against the previous root", index, size).isEqualTo(size == 1);
            }
            for (long from = 1; from <= size; from++) {
                List<byte[]> proof = tree.consistencyProof(from, size);
                assertThat(ProofVerifier.verifyConsistency(from, size, tree.root(from), root, proof))
                        .as("%d to %d", from, size).isTrue();
            }
        }
    }

    @Test
    void a_resumed_range_continues_with_the_same_roots() {
        InMemoryLog log = referenceLog();
        for (long size = 0; size <= 8; size++) {
            assertThat(CompactRange.resume(size, log).root()).as("resumed at %d", size)
                    .isEqualTo(Rfc9162TestVectors.ROOTS.get((int) size));
        }
        CompactRange resumed = CompactRange.resume(5, log);
        for (int i = 5; i < 8; i++) {
            resumed.append(MerkleHashes.leaf(Rfc9162TestVectors.LEAF_INPUTS.get(i)));
        }
        assertThat(resumed.root()).isEqualTo(Rfc9162TestVectors.ROOTS.get(8));
    }
}
