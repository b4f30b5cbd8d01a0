package org.accessledger.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.accessledger.api.privacy.PersonalData;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Personal data at rest: each value sealed with its worker's key ({@code pd1:} and base64 of nonce, ciphertext and
 * tag), opened on the way out, and unreadable for good once the worker's key is erased, where it reads as
 * {@value PersonalData#ERASED}. Values written in the clear before sealing was switched on open as they are until
 * the worker is erased (their bytes stay where they were written). Disabled, it seals nothing, and erasure is
 * unavailable.
 */
public final class PersonalDataVault {

    static final String SEALED = "pd1:";

    private final WorkerKeys keys;
    private final SecretKey indexKey;

    private PersonalDataVault(WorkerKeys keys, SecretKey indexKey) {
        this.keys = keys;
        this.indexKey = indexKey;
    }

    public static PersonalDataVault sealing(Path keyDir, SecretKey masterKey) {
        return new PersonalDataVault(new WorkerKeys(keyDir, masterKey), MasterKey.derive(masterKey, "accessledger blind index v1"));
    }

    public static PersonalDataVault disabled() {
        return new PersonalDataVault(null, null);
    }

    public boolean enabled() {
        return keys != null;
    }

    public String seal(String workerId, String plaintext) {
        if (keys == null || plaintext == null || plaintext.startsWith(SEALED) || plaintext.equals(PersonalData.ERASED)) {
            return plaintext;
        }
        Optional<SecretKey> key = keys.forSealing(workerId);
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        return SEALED + Base64.getEncoder().encodeToString(new KeyWrap(key.get()).wrap(workerId, plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /** The plaintext, or {@value PersonalData#ERASED} for any value of an erased worker (also one stored in the clear). */
    public String open(String workerId, String value) {
        if (value == null) {
            return null;
        }
        if (!value.startsWith(SEALED)) {
            return keys != null && keys.erased(workerId) ? PersonalData.ERASED : value;
        }
        if (keys == null) {
            throw new IllegalStateException("Personal data of worker " + workerId + " is sealed but accessledger.privacy.enabled is false");
        }
        return keys.forOpening(workerId)
                .map(key -> new String(new KeyWrap(key).unwrap(workerId, Base64.getDecoder().decode(value.substring(SEALED.length()))), StandardCharsets.UTF_8))
                .orElse(PersonalData.ERASED);
    }

    /** Whether {@code type} (a record, as Jackson writes it) has {@link PersonalData} anywhere in it. */
    public boolean holdsPersonalData(Class<?> type) {
        return PersonalFields.holdsPersonalData(type);
    }

    /** Seals, in place, the personal values of {@code tree}, a {@code type} of worker {@code workerId} as JSON. */
    public void seal(Class<?> type, JsonNode tree, String workerId) {
        if (keys != null) {
            PersonalFields.rewrite(type, tree, value -> seal(workerId, value));
        }
    }

    /** Opens, in place, the personal values of {@code tree}, a {@code type} of worker {@code workerId} as JSON. */
    public void open(Class<?> type, JsonNode tree, String workerId) {
        PersonalFields.rewrite(type, tree, value -> open(workerId, value));
    }

    public boolean isErased(String workerId) {
        return keys != null && keys.erased(workerId);
    }

    /** Destroys the worker's key: what was sealed with it can never be read again. Safe to repeat. */
    public void erase(String workerId, Instant at) {
        if (keys == null) {
            throw new IllegalStateException("Erasure needs accessledger.privacy.enabled");
        }
        keys.erase(workerId, at);
    }

    /**
     * A stand-in for a value that must be looked up (an e-mail address claimed by one worker), keyed so it cannot be
     * recomputed without the master key; the value itself when disabled.
     */
    public String blindIndex(String value) {
        if (indexKey == null || value == null) {
            return value;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return "bi1:" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
