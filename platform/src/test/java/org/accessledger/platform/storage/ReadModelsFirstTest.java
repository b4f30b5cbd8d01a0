package org.accessledger.platform.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crash of the process would leave of the embedded read models is what their file holds at that moment: each
 * test copies the file while the store is open and reads the copy. The store's once-a-second commit is switched off
 * here, so only explicit commits reach the file.
 */
class ReadModelsFirstTest {

    @TempDir
    Path dir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> views;

    @BeforeEach
    void openStoreWithoutTimedCommits() {
        MVStore store = new MVStore.Builder().fileName(EmbeddedMongoServer.fileIn(dir).toString()).autoCommitDisabled().open();
        server = new EmbeddedMongoServer(store);
        client = MongoClients.create(server.connectionString());
        views = client.getDatabase("accessledger").getCollection("worker_views");
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void aWriteNotYetCommittedWouldBeLostInACrash() throws Exception {
        views.insertOne(new Document("_id", "E1"));

        assertThat(viewsAfterACrash()).isEmpty();
    }

    @Test
    void aProcessorsTokenIsStoredOnlyAfterItsReadModelWritesAreOnDisk() throws Exception {
        ReadModelsFirstTokenStore tokens = new ReadModelsFirstTokenStore(new InMemoryTokenStore(), server::commit);
        tokens.initializeTokenSegments("worker-views", 1);
        views.insertOne(new Document("_id", "E1"));

        tokens.storeToken(new GlobalSequenceTrackingToken(7), "worker-views", 0);

        assertThat(viewsAfterACrash()).containsExactly("E1");
        assertThat(tokens.fetchToken("worker-views", 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void aTokenStoredByAThreadThatWroteNothingLeavesOthersWritesToTheTimedCommit() throws Exception {
        ReadModelWritesPerThread writes = new ReadModelWritesPerThread();
        ExecutorService projectionThread = Executors.newSingleThreadExecutor();
        try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString())).addCommandListener(writes).build())) {
            ReadModelsFirstTokenStore tokens = new ReadModelsFirstTokenStore(new InMemoryTokenStore(),
                    writes.ofTheCallingThread(server::commit));
            tokens.initializeTokenSegments("worker-views", 1);
            tokens.initializeTokenSegments("access-decisions", 1);
            MongoCollection<Document> listenedViews = listened.getDatabase("accessledger").getCollection("worker_views");
            projectionThread.submit(() -> listenedViews.insertOne(new Document("_id", "E1"))).get();

            tokens.storeToken(new GlobalSequenceTrackingToken(7), "access-decisions", 0);
            List<String> afterTheTokenOfAThreadThatWroteNothing = viewsAfterACrash();
            projectionThread.submit(() -> tokens.storeToken(new GlobalSequenceTrackingToken(7), "worker-views", 0)).get();

            assertThat(afterTheTokenOfAThreadThatWroteNothing).isEmpty();
            assertThat(viewsAfterACrash()).containsExactly("E1");
        } finally {
            projectionThread.shutdown();
        }
    }

    @Test
    void aSubscribingHandlersWritesAreOnDiskWhenItReturns() throws Exception {
        DefaultUnitOfWork<GenericEventMessage<String>> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericEventMessage<>("hired"));

        new ReadModelsFirstInterceptor(server::commit).handle(unitOfWork, () -> views.insertOne(new Document("_id", "E2")));
        unitOfWork.commit();

        assertThat(viewsAfterACrash()).containsExactly("E2");
    }

    private List<String> viewsAfterACrash() throws Exception {
        Path copy = Files.createTempDirectory(dir, "after-crash");
        Files.copy(EmbeddedMongoServer.fileIn(dir), EmbeddedMongoServer.fileIn(copy));
        try (EmbeddedMongoServer reopened = new EmbeddedMongoServer(copy);
             MongoClient reader = MongoClients.create(reopened.connectionString())) {
            return reader.getDatabase("accessledger").getCollection("worker_views").find(Filters.empty())
                    .map(document -> document.getString("_id")).into(new java.util.ArrayList<>());
        }
    }
}
