package org.accessledger.platform.audit.note;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    private static final byte[] ROOT = HexFormat.of()
            .parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void its_body_is_the_three_lines_of_the_tlog_checkpoint_format() {
        Checkpoint checkpoint = new Checkpoint("accessledger.example/log", 8, ROOT);

        assertThat(checkpoint.body())
                .isEqualTo("accessledger.example/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
    }

    @Test
    void a_signed_checkpoint_opens_only_with_its_key() {
        Ed25519NoteKey key = Ed25519NoteKey.generate("accessledger.example/log");
        String signed = new Checkpoint("accessledger.example/log", 8, ROOT).signedBy(key);

        assertThat(Checkpoint.open(signed, key.verifierKey()).size()).isEqualTo(8);
        assertThatThrownBy(() -> Checkpoint.open(signed.replace("\n8\n", "\n9\n"), key.verifierKey()))
                .isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> Checkpoint.open(signed, Ed25519NoteKey.generate("accessledger.example/log").verifierKey()))
                .isInstanceOf(InvalidNoteException.class);
    }

    @Test
    void refuses_sizes_with_leading_zeros_and_roots_of_another_length() {
        assertThatThrownBy(() -> Checkpoint.parse("origin\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"))
                .hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n8\nAAAA\n")).hasMessageContaining("32 bytes");
    }
}
