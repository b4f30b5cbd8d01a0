package org.accessledger.platform.privacy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM with a random 96-bit nonce, the nonce written before the ciphertext and tag, and the worker id as
 * associated data, so a value moved to another worker does not open. Wraps worker keys (under the master key) and
 * seals personal values (under a worker key).
 */
final class KeyWrap {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    KeyWrap(SecretKey key) {
        this.key = key;
    }

    byte[] wrap(String workerId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(workerId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    byte[] unwrap(String workerId, byte[] wrapped) {
        if (wrapped.length < NONCE + TAG_BITS / 8) {
            throw new IllegalStateException("A sealed value of worker " + workerId + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE));
            cipher.updateAAD(workerId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Arrays.copyOfRange(wrapped, NONCE, wrapped.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed value of worker " + workerId + " does not open with their key: changed, or another worker's", e);
        }
    }
}
