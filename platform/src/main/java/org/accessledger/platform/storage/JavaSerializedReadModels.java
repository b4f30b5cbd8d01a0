package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The read-model file of earlier versions, whose documents H2 kept Java-serialized. Its maps are copied into a file
 * of {@link BsonH2Backend}'s types, so the processors' tokens in the event store still match what the read models hold.
 */
final class JavaSerializedReadModels {

    private static final Logger log = LoggerFactory.getLogger(JavaSerializedReadModels.class);

    private JavaSerializedReadModels() {
    }

    /** Copies {@code old} into {@code target} if there is an old file and no target yet, then deletes {@code old}. */
    static void upgrade(Path old, Path target) {
        if (!Files.exists(old) || Files.exists(target)) {
            return;
        }
        log.info("Copying the read models of {} into {}, their documents as BSON", old, target);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            copy(old, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(old);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot upgrade the read-model file " + old, e);
        }
    }

    private static void copy(Path old, Path partial) {
        try (MVStore source = new MVStore.Builder().fileName(old.toString()).readOnly().open();
             MVStore copy = MVStore.open(partial.toString())) {
            for (String name : source.getMapNames()) {
                MVMap<Object, Object> from = source.openMap(name);
                MVMap<Object, Object> to = BsonH2Backend.openMap(copy, name);
                boolean documents = BsonH2Backend.isCollection(name);
                from.forEach((key, value) -> to.put(key, documents ? BsonDocumentType.encode((Document) value) : value));
            }
            copy.commit();
        }
    }
}
