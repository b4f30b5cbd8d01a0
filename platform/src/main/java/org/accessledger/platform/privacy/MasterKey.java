package org.accessledger.platform.privacy;

import org.accessledger.platform.files.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/** The key that wraps every worker's data key: given by configuration, or generated once into the data directory. */
final class MasterKey {

    static final String FILE = "privacy-master-key";
    private static final int LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    static SecretKey load(PrivacyProperties properties, Path dataDir) {
        if (!properties.masterKey().isBlank()) {
            return parse(properties.masterKey(), "accessledger.privacy.master-key");
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
            }
            byte[] key = new byte[LENGTH];
            new SecureRandom().nextBytes(key);
            OwnerOnlyFiles.write(file, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.UTF_8));
            log.info("Generated the master key of personal data into {}; keep it with the data directory's backups", file);
            return new SecretKeySpec(key, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the master key of personal data " + file, e);
        }
    }

    /** A key derived for one purpose, so the master key itself only ever wraps. */
    static SecretKey derive(SecretKey master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master.getEncoded(), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static SecretKey parse(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key of personal data in " + source + " is not base64");
        }
        if (key.length != LENGTH) {
            throw new IllegalStateException("The master key of personal data in " + source + " must be 32 bytes, not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}
