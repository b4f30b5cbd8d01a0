package org.accessledger.platform.audit.note;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The body of a C2SP tlog-checkpoint: the log's origin, its size in leaves and its RFC 9162 root hash, one per line.
 * Signed, it is a {@link SignedNote}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("A checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("A checkpoint's size is not negative");
        }
        if (rootHash.length != 32) {
            throw new IllegalArgumentException("A checkpoint's root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new InvalidNoteException("A checkpoint is an origin, a size and a root hash line, each ending in a newline");
        }
        if (!DECIMAL.matcher(lines[1]).matches()) {
            throw new InvalidNoteException("A checkpoint's size is a decimal without leading zeros: " + lines[1]);
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
        } catch (IllegalArgumentException e) {
            throw new InvalidNoteException("Not a checkpoint: " + e.getMessage());
        }
    }

    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public String signedBy(Ed25519NoteKey key) {
        return SignedNote.sign(body(), key);
    }

    /** Opens a signed checkpoint, refusing one that {@code key} did not sign. */
    public static Checkpoint open(String signedNote, NoteVerifierKey key) {
        return parse(SignedNote.open(signedNote, key));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && that.origin.equals(origin) && that.size == size
                && Arrays.equals(that.rootHash, rootHash);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size) * 17 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return body();
    }
}
