package org.accessledger.platform.audit.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** The public half of an {@link Ed25519NoteKey}, as {@code <name>+<key id hex>+<base64(0x01 ‖ public key)>}. */
public record NoteVerifierKey(String name, byte[] publicKey) {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 raw key bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public NoteVerifierKey {
        requireValidName(name);
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    public static NoteVerifierKey parse(String encoded) {
        String[] parts = encoded.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A verifier key is <name>+<key id>+<base64 key>");
        }
        byte[] key = Ed25519NoteKey.decode(parts[2]);
        if (key.length != 33 || key[0] != Ed25519NoteKey.ALGORITHM_ED25519) {
            throw new IllegalArgumentException("Only Ed25519 verifier keys (algorithm 1, 32 bytes) are supported");
        }
        NoteVerifierKey parsed = new NoteVerifierKey(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (!parsed.keyIdHex().equals(parts[1])) {
            throw new IllegalArgumentException("The verifier key's id " + parts[1] + " does not match its key");
        }
        return parsed;
    }

    /** C2SP signed-note: the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
    public byte[] keyId() {
        MessageDigest digest = Ed25519NoteKey.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(Ed25519NoteKey.ALGORITHM_ED25519);
        return Arrays.copyOf(digest.digest(publicKey), 4);
    }

    public String keyIdHex() {
        return Ed25519NoteKey.hex(keyId());
    }

    public String encoded() {
        return name + "+" + keyIdHex() + "+" + Ed25519NoteKey.base64(Ed25519NoteKey.ALGORITHM_ED25519, publicKey);
    }

    boolean verifies(String text, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String requireValidName(String name) {
        if (name == null || name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> Character.isWhitespace(c))) {
            throw new IllegalArgumentException("A key name is not empty and holds no '+' and no white space: " + name);
        }
        return name;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifierKey key && key.name.equals(name) && Arrays.equals(key.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
