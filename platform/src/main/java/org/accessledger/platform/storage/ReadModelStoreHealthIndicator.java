package org.accessledger.platform.storage;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** {@code readModels}: the MongoDB database of the read models answers a ping. */
public class ReadModelStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    public ReadModelStoreHealthIndicator(MongoDatabase database) {
        super("Read-model store check failed");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        database.runCommand(new Document("ping", 1));
        health.up().withDetail("database", database.getName());
    }
}
