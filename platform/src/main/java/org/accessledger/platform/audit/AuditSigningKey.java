package org.accessledger.platform.audit;

import org.accessledger.platform.audit.note.Ed25519NoteKey;
import org.accessledger.platform.files.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The key that signs checkpoints: given by configuration, or generated once into the data directory. */
final class AuditSigningKey {

    static final String FILE = "audit-signing-key";

    private static final Logger log = LoggerFactory.getLogger(AuditSigningKey.class);

    private AuditSigningKey() {
    }

    static Ed25519NoteKey load(AuditProperties properties, Path dataDir) {
        Ed25519NoteKey key = properties.signingKey().isBlank()
                ? fromFile(dataDir.resolve(FILE), properties.origin())
                : Ed25519NoteKey.parse(properties.signingKey());
        if (!key.name().equals(properties.origin())) {
            throw new IllegalStateException("The audit signing key is named " + key.name()
                    + " but the log's origin is " + properties.origin() + ": a verifier matches the two");
        }
        return key;
    }

    private static Ed25519NoteKey fromFile(Path file, String origin) {
        try {
            if (Files.exists(file)) {
                return Ed25519NoteKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            Ed25519NoteKey key = Ed25519NoteKey.generate(origin);
            OwnerOnlyFiles.write(file, (key.encoded() + "\n").getBytes(StandardCharsets.UTF_8));
            log.info("Generated the audit log's signing key into {}; its verifier key is {}", file, key.verifierKey());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the audit signing key " + file, e);
        }
    }
}
