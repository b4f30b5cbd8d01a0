package org.accessledger.platform.privacy;

import org.accessledger.api.privacy.PersonalData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataVaultTest {

    static final SecretKeySpec MASTER = new SecretKeySpec(new byte[32], "AES");
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path keys;

    @Test
    void aSealedValueOpensWithTheWorkersKeyAndHoldsNoPlaintext() {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, MASTER);

        String sealed = vault.seal("E1", "Ada Lovelace");

        assertThat(sealed).startsWith("pd1:").doesNotContain("Ada");
        assertThat(vault.seal("E1", "Ada Lovelace")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(vault.open("E1", sealed)).isEqualTo("Ada Lovelace");
        assertThat(PersonalDataVault.sealing(keys, MASTER).open("E1", sealed)).as("another process sharing the key directory").isEqualTo("Ada Lovelace");
    }

    @Test
    void afterErasureTheValueReadsAsErasedAndNoNewKeyIsMade() {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, MASTER);
        String sealed = vault.seal("E1", "Ada Lovelace");

        vault.erase("E1", NOW);

        assertThat(vault.open("E1", sealed)).isEqualTo(PersonalData.ERASED);
        assertThat(PersonalDataVault.sealing(keys, MASTER).open("E1", sealed)).isEqualTo(PersonalData.ERASED);
        assertThat(vault.seal("E1", "Ada Lovelace")).isEqualTo(PersonalData.ERASED);
        assertThat(vault.isErased("E1")).isTrue();
        assertThat(keys.resolve("E1+key")).doesNotExist();
        vault.erase("E1", NOW);
    }

    @Test
    void erasingAWorkerLeavesTheKeysOfWorkersWhoseIdsBeginLikeTheirs() throws Exception {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, MASTER);
        String e10 = vault.seal("E10", "Grace");
        String dotted = vault.seal("E1.key", "Edsger");
        vault.seal("E1", "Ada");
        Files.write(keys.resolve("E1+key.123.tmp"), new byte[60]);

        vault.erase("E1", NOW);

        assertThat(vault.open("E10", e10)).isEqualTo("Grace");
        assertThat(vault.open("E1.key", dotted)).isEqualTo("Edsger");
        try (var files = Files.list(keys)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("E10+key", "E1.key+key", "E1+erased");
        }
    }

    @Test
    void aKeyThatShouldExistAndDoesNotIsAFaultNotAnErasure() {
        String sealed = PersonalDataVault.sealing(keys, MASTER).seal("E1", "Ada");
        PersonalDataVault elsewhere = PersonalDataVault.sealing(keys.resolve("other"), MASTER);

        assertThatThrownBy(() -> elsewhere.open("E1", sealed)).hasMessageContaining("No personal-data key for worker E1");
    }

    @Test
    void aValueMovedToAnotherWorkerOrOpenedWithAnotherMasterKeyDoesNotOpen() {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, MASTER);
        String sealed = vault.seal("E1", "Ada");
        vault.seal("E2", "Grace");

        assertThatThrownBy(() -> vault.open("E2", sealed)).hasMessageContaining("does not open");
        PersonalDataVault otherMaster = PersonalDataVault.sealing(keys, new SecretKeySpec(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, "AES"));
        assertThatThrownBy(() -> otherMaster.open("E1", sealed)).hasMessageContaining("does not open");
    }

    @Test
    void keyFilesAreReadableOnlyByTheirOwnerAndHoldNoPlainKey() throws Exception {
        PersonalDataVault.sealing(keys, MASTER).seal("E1", "Ada");

        Path key = keys.resolve("E1+key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.size(key)).as("nonce, wrapped key and tag").isEqualTo(12 + 32 + 16);
        try (var files = Files.list(keys)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("E1+key");
        }
    }

    @Test
    void valuesWrittenBeforeSealingWasSwitchedOnOpenAsTheyAre() {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, MASTER);

        assertThat(vault.open("E1", "Ada")).isEqualTo("Ada");
        assertThat(vault.open("E1", null)).isNull();
        vault.erase("E1", NOW);
        assertThat(vault.open("E1", "Ada")).as("an erased worker's value stored in the clear").isEqualTo(PersonalData.ERASED);
        assertThat(PersonalDataVault.disabled().seal("E1", "Ada")).isEqualTo("Ada");
    }

    @Test
    void theBlindIndexIsStablePerValueAndKeyedByTheMasterKey() {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, MASTER);

        assertThat(vault.blindIndex("ada@example.com")).isEqualTo(PersonalDataVault.sealing(keys, MASTER).blindIndex("ada@example.com"))
                .isNotEqualTo(vault.blindIndex("grace@example.com")).doesNotContain("ada").startsWith("bi1:");
        assertThat(PersonalDataVault.disabled().blindIndex("ada@example.com")).isEqualTo("ada@example.com");
    }
}
