package org.accessledger.platform.audit.tree;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProofVerifierTest {

    static Stream<Rfc9162TestVectors.Case> inclusionCases() throws IOException {
        return Rfc9162TestVectors.cases("inclusion");
    }

    static Stream<Rfc9162TestVectors.Case> consistencyCases() throws IOException {
        return Rfc9162TestVectors.cases("consistency");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionCases")
    void accepts_exactly_the_published_inclusion_proofs_that_are_valid(Rfc9162TestVectors.Case vector) {
        boolean valid = ProofVerifier.verifyInclusion(vector.number("leafIdx"), vector.number("treeSize"),
                vector.bytes("leafHash"), vector.proof(), vector.bytes("root"));

        assertThat(valid).isEqualTo(!vector.wantsError());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyCases")
    void accepts_exactly_the_published_consistency_proofs_that_are_valid(Rfc9162TestVectors.Case vector) {
        boolean valid = ProofVerifier.verifyConsistency(vector.number("size1"), vector.number("size2"),
                vector.bytes("root1"), vector.bytes("root2"), vector.proof());

        assertThat(valid).isEqualTo(!vector.wantsError());
    }
}
