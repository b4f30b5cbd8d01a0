package org.accessledger.platform.audit.note;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Known answers from golang.org/x/mod/sumdb/note, the reference implementation, and from the C2SP specification. */
class SignedNoteTest {

    private static final String GO_SIGNING_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static final String SPEC_VERIFIER_KEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private static final String SPEC_NOTE = "This is an example message.\n\n\u2014 example.com/foo "
            + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    @Test
    void a_signing_key_gives_the_reference_verifier_key_and_signature_byte_for_byte() {
        Ed25519NoteKey key = Ed25519NoteKey.parse(GO_SIGNING_KEY);

        assertThat(key.encoded()).isEqualTo(GO_SIGNING_KEY);
        assertThat(key.verifierKey().encoded()).isEqualTo(GO_VERIFIER_KEY);
        assertThat(SignedNote.sign(GO_TEXT, key)).isEqualTo(GO_NOTE);
    }

    @Test
    void opens_notes_signed_elsewhere() {
        assertThat(SignedNote.open(GO_NOTE, NoteVerifierKey.parse(GO_VERIFIER_KEY))).isEqualTo(GO_TEXT);
        assertThat(SignedNote.open(SPEC_NOTE, NoteVerifierKey.parse(SPEC_VERIFIER_KEY)))
                .isEqualTo("This is an example message.\n");
    }

    @Test
    void refuses_a_changed_text_and_a_note_without_the_keys_signature() {
        NoteVerifierKey key = NoteVerifierKey.parse(GO_VERIFIER_KEY);

        assertThatThrownBy(() -> SignedNote.open(GO_NOTE.replace("answer", "Answer"), key))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> SignedNote.open(SPEC_NOTE, key))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("no signature of PeterNeumann");
        assertThatThrownBy(() -> SignedNote.open(GO_TEXT, key)).isInstanceOf(InvalidNoteException.class);
    }

    @Test
    void refuses_keys_whose_id_does_not_match() {
        assertThatThrownBy(() -> NoteVerifierKey.parse(GO_VERIFIER_KEY.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> Ed25519NoteKey.parse(GO_SIGNING_KEY.replace("c74f20a3", "00000000")))
                .hasMessageContaining("does not match");
    }

    @Test
    void a_generated_key_round_trips_through_its_encodings() {
        Ed25519NoteKey key = Ed25519NoteKey.generate("accessledger.example/audit");
        Ed25519NoteKey reread = Ed25519NoteKey.parse(key.encoded());
        String note = SignedNote.sign("line\n", reread);

        assertThat(SignedNote.open(note, NoteVerifierKey.parse(key.verifierKey().encoded()))).isEqualTo("line\n");
    }
}
