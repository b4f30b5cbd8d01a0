package org.accessledger.platform.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * An in-memory mongo-java-server and a client that keeps how every command it sends selects documents. The embedded
 * read-model store finds a document by its key only for a filter on {@code _id} alone; any other filter, an
 * {@code $and} naming {@code _id} among them, and every aggregation ({@code countDocuments} is one) read the whole
 * collection. Tests of per-event read-model code assert that {@link #selectionsNotByIdAlone()} is empty.
 */
public final class RecordingMongo implements AutoCloseable {

    private final List<String> selectingCommands = new CopyOnWriteArrayList<>();
    private final List<BsonDocument> selections = new CopyOnWriteArrayList<>();
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
            .addCommandListener(new SelectionRecorder())
            .build());

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** The name of every command sent that selects documents, once per filter it carries. */
    public List<String> selectingCommands() {
        return selectingCommands;
    }

    /**
     * The selections the embedded store answers by scanning: every filter of a find, update, delete or find-and-modify
     * that is not {@code {_id: …}} alone, and every aggregation, as {@code {pipeline: […]}}.
     */
    public List<BsonDocument> selectionsNotByIdAlone() {
        return selections.stream().filter(filter -> !filter.keySet().equals(Set.of("_id"))).toList();
    }

    /** Forgets what was recorded so far: start-up work is not what a test of per-event code asserts on. */
    public void forgetRecorded() {
        selectingCommands.clear();
        selections.clear();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    private class SelectionRecorder implements CommandListener {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            String name = event.getCommandName();
            Stream<BsonValue> filters = switch (name) {
                case "find" -> Stream.of(command.get("filter"));
                case "findAndModify" -> Stream.of(command.get("query"));
                // The driver hands listeners its write statements inside the command ("updates", "deletes").
                case "update", "delete" -> command.getArray(name + "s").stream().map(statement -> statement.asDocument().get("q"));
                case "aggregate" -> Stream.of(new BsonDocument("pipeline", command.get("pipeline")));
                default -> Stream.empty();
            };
            filters.forEach(filter -> {
                selectingCommands.add(name);
                selections.add(filter.asDocument().clone()); // the command's buffer is released after this call
            });
        }
    }
}
