package org.accessledger.platform.audit.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key of the C2SP signed-note format: its name, its 4-byte key id and the two text encodings,
 * {@code PRIVATE+KEY+<name>+<id>+<base64(0x01 ‖ seed)>} to keep and {@code <name>+<id>+<base64(0x01 ‖ public key)>}
 * to give verifiers.
 */
public final class Ed25519NoteKey {

    static final byte ALGORITHM_ED25519 = 0x01;
    private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";
    private static final int KEY_LENGTH = 32;

    private final String name;
    private final byte[] seed;
    private final KeyPair keys;

    private Ed25519NoteKey(String name, byte[] seed) {
        this.name = NoteVerifierKey.requireValidName(name);
        this.seed = seed.clone();
        this.keys = keyPairFromSeed(seed);
    }

    public static Ed25519NoteKey generate(String name) {
        byte[] seed = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(seed);
        return new Ed25519NoteKey(name, seed);
    }

    /** Reads {@code PRIVATE+KEY+<name>+<id>+<base64>}; refuses a key whose id does not match its public half. */
    public static Ed25519NoteKey parse(String encoded) {
        String text = encoded.strip();
        if (!text.startsWith(PRIVATE_PREFIX)) {
            throw new IllegalArgumentException("A signing key starts with " + PRIVATE_PREFIX);
        }
        String[] parts = text.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A signing key is PRIVATE+KEY+<name>+<key id>+<base64 key>");
        }
        byte[] key = decode(parts[2]);
        if (key.length != KEY_LENGTH + 1 || key[0] != ALGORITHM_ED25519) {
            throw new IllegalArgumentException("Only Ed25519 signing keys (algorithm 1, 32 bytes) are supported");
        }
        Ed25519NoteKey parsed = new Ed25519NoteKey(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (!parsed.verifierKey().keyIdHex().equals(parts[1])) {
            throw new IllegalArgumentException("The signing key's id " + parts[1] + " does not match its key");
        }
        return parsed;
    }

    public String name() {
        return name;
    }

    public String encoded() {
        return PRIVATE_PREFIX + name + "+" + verifierKey().keyIdHex() + "+" + base64(ALGORITHM_ED25519, seed);
    }

    public NoteVerifierKey verifierKey() {
        byte[] encoded = keys.getPublic().getEncoded();
        return new NoteVerifierKey(name, Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length));
    }

    byte[] sign(String text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The JDK derives an Ed25519 key pair from the 32 bytes its generator draws, so a seed is replayed as those. */
    private static KeyPair keyPairFromSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new ReplayedSeed(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks Ed25519", e);
        }
    }

    static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not standard base64: " + base64, e);
        }
    }

    static String base64(byte prefix, byte[] key) {
        byte[] prefixed = new byte[key.length + 1];
        prefixed[0] = prefix;
        System.arraycopy(key, 0, prefixed, 1, key.length);
        return Base64.getEncoder().encodeToString(prefixed);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ReplayedSeed extends SecureRandom {
        private final byte[] seed;

        ReplayedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("Expected a request for the " + seed.length + "-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
