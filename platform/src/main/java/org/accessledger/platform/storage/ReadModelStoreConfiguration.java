package org.accessledger.platform.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.UuidRepresentation;
import org.accessledger.platform.AccessLedgerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/** The MongoDB database holding the read models: a real MongoDB by URI, or the embedded server by default. */
@Configuration(proxyBeanMethods = false)
public class ReadModelStoreConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "accessledger.mongo-uri", havingValue = "", matchIfMissing = true)
    public EmbeddedMongoServer embeddedMongoServer(AccessLedgerProperties properties) {
        return new EmbeddedMongoServer(properties.dataDir());
    }

    @Bean
    public ReadModelWritesPerThread readModelWritesPerThread() {
        return new ReadModelWritesPerThread();
    }

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(AccessLedgerProperties properties, Optional<EmbeddedMongoServer> embedded,
                                   ReadModelWritesPerThread writes) {
        // Optional, not ObjectProvider: an injected argument makes Spring close the client before the server.
        String uri = embedded.map(EmbeddedMongoServer::connectionString).orElse(properties.mongoUri());
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD);
        embedded.ifPresent(server -> settings.addCommandListener(writes));
        return MongoClients.create(settings.build());
    }

    @Bean
    public MongoDatabase readModelDatabase(MongoClient client, AccessLedgerProperties properties) {
        return client.getDatabase(properties.mongoDatabase());
    }

    @Bean
    public ReadModelDurability readModelDurability(Optional<EmbeddedMongoServer> embedded, ReadModelWritesPerThread writes) {
        return embedded.map(server -> writes.ofTheCallingThread(server::commit))
                .orElse(ReadModelDurability.ACKNOWLEDGED_IS_DURABLE);
    }

    /** Reported as {@code readModels}: Spring names a health contributor after its bean, less the suffix. */
    @Bean
    public ReadModelStoreHealthIndicator readModelsHealthIndicator(MongoDatabase database) {
        return new ReadModelStoreHealthIndicator(database);
    }
}
