package org.accessledger.platform.privacy;

import org.accessledger.platform.files.OwnerOnlyFiles;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One AES-256 data key per worker, each in its own file {@code <workerId>.key} wrapped by the master key, so that
 * destroying one worker's key is deleting one file (a database would keep the deleted row in its pages). An erased
 * worker leaves a marker {@code <workerId>.erased}, so a key is never made again for them. Several processes may
 * share the directory: a key is created with an exclusive link, and every use checks the marker.
 */
final class WorkerKeys {

    private static final int CACHED = 10_000;

    private final Path dir;
    private final KeyWrap wrap;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SecretKey> eldest) {
            return size() > CACHED;
        }
    });

    WorkerKeys(Path dir, SecretKey master) {
        this.dir = dir;
        this.wrap = new KeyWrap(master);
    }

    /** The worker's key, made now if they have none; empty once the worker's personal data was erased. */
    Optional<SecretKey> forSealing(String workerId) {
        if (erased(workerId)) {
            return Optional.empty();
        }
        SecretKey cached = cache.get(workerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = keyFile(workerId);
        if (!Files.exists(file)) {
            create(workerId, file);
        }
        return Optional.of(read(workerId, file));
    }

    /** The worker's key; empty once erased. A key that should exist and does not is a fault, never an erasure. */
    Optional<SecretKey> forOpening(String workerId) {
        if (erased(workerId)) {
            return Optional.empty();
        }
        SecretKey cached = cache.get(workerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = keyFile(workerId);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No personal-data key for worker " + workerId + " in " + dir
                    + ": every service must share one accessledger.privacy.key-dir");
        }
        return Optional.of(read(workerId, file));
    }

    boolean erased(String workerId) {
        return Files.exists(dir.resolve(workerId + ".erased"));
    }

    /** Marks the worker erased, then deletes their key; safe to repeat. */
    void erase(String workerId, Instant at) {
        try {
            Path marker = dir.resolve(workerId + ".erased");
            if (!Files.exists(marker)) {
                OwnerOnlyFiles.write(marker, (at + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            cache.remove(workerId);
            Files.deleteIfExists(keyFile(workerId));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot erase the personal-data key of worker " + workerId, e);
        }
    }

    private void create(String workerId, Path file) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        Path staged = dir.resolve(workerId + ".key.new-" + Long.toHexString(random.nextLong()));
        try {
            OwnerOnlyFiles.write(staged, wrap.wrap(workerId, key));
            try {
                Files.createLink(file, staged);
            } catch (FileAlreadyExistsException made) {
                // another thread or process made it first: theirs is the key
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the personal-data key of worker " + workerId, e);
        }
    }

    private SecretKey read(String workerId, Path file) {
        try {
            SecretKey key = new SecretKeySpec(wrap.unwrap(workerId, Files.readAllBytes(file)), "AES");
            cache.put(workerId, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the personal-data key of worker " + workerId, e);
        }
    }

    private Path keyFile(String workerId) {
        return dir.resolve(workerId + ".key");
    }
}
