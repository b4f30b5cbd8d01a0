package org.accessledger.platform.audit.note;

import java.util.Arrays;
import java.util.Base64;

/**
 * C2SP signed-note: a text of newline-terminated lines, a blank line, then one line per signature,
 * {@code — <key name> <base64(key id ‖ signature)>}.
 */
public final class SignedNote {

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private SignedNote() {
    }

    public static String sign(String text, Ed25519NoteKey key) {
        requireWellFormedText(text);
        byte[] signature = key.sign(text);
        byte[] blob = Arrays.copyOf(key.verifierKey().keyId(), 4 + signature.length);
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return text + "\n" + SIGNATURE_PREFIX + key.name() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** The note's text when a signature line of {@code key} verifies it; otherwise the reason it does not. */
    public static String open(String note, NoteVerifierKey key) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new InvalidNoteException("A signed note is its text, a blank line and its signature lines");
        }
        String text = note.substring(0, split + 1);
        requireWellFormedText(text);
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new InvalidNoteException("A signature line starts with an em dash and a space: " + line);
            }
            String[] nameAndBlob = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (nameAndBlob.length != 2) {
                throw new InvalidNoteException("A signature line is '— <name> <base64>': " + line);
            }
            byte[] blob = decode(nameAndBlob[1]);
            boolean ours = nameAndBlob[0].equals(key.name()) && blob.length > 4
                    && Arrays.equals(Arrays.copyOf(blob, 4), key.keyId());
            if (ours) {
                if (key.verifies(text, Arrays.copyOfRange(blob, 4, blob.length))) {
                    return text;
                }
                throw new InvalidNoteException("The signature of " + key.name() + " does not match the note's text");
            }
        }
        throw new InvalidNoteException("The note carries no signature of " + key.name() + "+" + key.keyIdHex());
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidNoteException("A signature is standard base64: " + base64);
        }
    }

    private static void requireWellFormedText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n") || text.startsWith("\n")) {
            throw new InvalidNoteException("A note's text is one or more non-empty lines, each ending in a newline");
        }
    }
}
