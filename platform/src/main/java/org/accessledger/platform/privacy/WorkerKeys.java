package org.accessledger.platform.privacy;

import org.accessledger.platform.files.OwnerOnlyFiles;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One AES-256 data key per worker, each in its own file {@code <workerId>+key} wrapped by the master key, so that
 * destroying one worker's key is deleting one file (a database would keep the deleted row in its pages). An erased
 * worker leaves a marker {@code <workerId>+erased}, so a key is never made again for them. Several processes may
 * share the directory: a key is created only if none exists, and every use checks the marker.
 */
final class WorkerKeys {

    private static final int CACHED = 10_000;
    /** After the worker id in a file name: a character no worker id has, so one worker's files never match another's. */
    private static final String KEY = "+key";
    private static final String ERASED = "+erased";

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
        return key(workerId, file -> create(workerId, file));
    }

    /** The worker's key; empty once erased. A key that should exist and does not is a fault, never an erasure. */
    Optional<SecretKey> forOpening(String workerId) {
        return key(workerId, file -> {
            throw new IllegalStateException("No personal-data key for worker " + workerId + " in " + dir
                    + ": every service must share one accessledger.privacy.key-dir");
        });
    }

    private Optional<SecretKey> key(String workerId, Consumer<Path> whenMissing) {
        if (erased(workerId)) {
            return Optional.empty();
        }
        SecretKey cached = cache.get(workerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = keyFile(workerId);
        if (!Files.exists(file)) {
            whenMissing.accept(file);
        }
        return Optional.of(read(workerId, file));
    }

    boolean erased(String workerId) {
        return Files.exists(dir.resolve(workerId + ERASED));
    }

    /** Marks the worker erased, then deletes their key; safe to repeat. */
    void erase(String workerId, Instant at) {
        try {
            Path marker = dir.resolve(workerId + ERASED);
            if (!Files.exists(marker)) {
                OwnerOnlyFiles.write(marker, (at + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            cache.remove(workerId);
            // With the key, any temporary copy of it a crash left behind.
            try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir, workerId + KEY + "*")) {
                for (Path copy : copies) {
                    Files.deleteIfExists(copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot erase the personal-data key of worker " + workerId, e);
        }
    }

    private void create(String workerId, Path file) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            // Another thread or process may make it first: then theirs is the key.
            OwnerOnlyFiles.createNew(file, wrap.wrap(workerId, key));
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
        return dir.resolve(workerId + KEY);
    }
}
