package org.accessledger.platform.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default's read-model store: a MongoDB-wire server inside this JVM, listening on a free loopback
 * port and keeping its data in one H2 MVStore file, so the real MongoDB driver code runs unchanged.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final H2Backend backend;
    private final MongoServer server;

    public EmbeddedMongoServer(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("readmodels.mv");
        this.backend = new H2Backend(file.toString());
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        log.info("Read models served in-process from {} at {}", file.toAbsolutePath(), server.getLocalAddress());
    }

    public String connectionString() {
        return server.getConnectionString();
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
