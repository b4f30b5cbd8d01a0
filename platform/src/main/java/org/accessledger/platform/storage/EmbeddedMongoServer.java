package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default's read-model store: a MongoDB-wire server inside this JVM, listening on a free loopback
 * port and keeping its data in one H2 MVStore file, documents as BSON, so the real MongoDB driver code runs unchanged.
 * The MVStore writes its changes to the file about once a second unless {@link #commit()} asks for it sooner.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    static final String FILE_NAME = "readmodels-bson.mv";
    private static final String JAVA_SERIALIZED_FILE_NAME = "readmodels.mv";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final H2Backend backend;
    private final MongoServer server;

    public EmbeddedMongoServer(Path dataDir) {
        this(MVStore.open(withEarlierVersionCopied(fileIn(dataDir)).toString()));
    }

    EmbeddedMongoServer(MVStore store) {
        this.backend = new BsonH2Backend(store);
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        log.info("Read models served in-process from {} at {}", store.getFileStore().getFileName(), server.getLocalAddress());
    }

    static Path fileIn(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        return dataDir.resolve(FILE_NAME).toAbsolutePath();
    }

    private static Path withEarlierVersionCopied(Path file) {
        JavaSerializedReadModels.upgrade(file.resolveSibling(JAVA_SERIALIZED_FILE_NAME), file);
        return file;
    }

    public String connectionString() {
        return server.getConnectionString();
    }

    /** Writes every change acknowledged so far to the file; returns once it is there. */
    public void commit() {
        backend.commit();
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
