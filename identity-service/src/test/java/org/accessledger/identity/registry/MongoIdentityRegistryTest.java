package org.accessledger.identity.registry;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.*;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoIdentityRegistryTest {

    private static final WorkerId ADA = WorkerId.of("E1001");
    private static final WorkerId GRACE = WorkerId.of("E1002");
    private static final String SHARED_EMAIL = "a.lovelace@example.com";
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final List<String> filteringCommands = new CopyOnWriteArrayList<>();
    private final List<BsonDocument> filtersSent = new CopyOnWriteArrayList<>();
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
            .addCommandListener(new FilterRecorder())
            .build());
    private final MongoIdentityRegistry registry = new MongoIdentityRegistry(client.getDatabase("identity-registry-test"));

    @AfterEach
    void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aSecondWorkerWithTheSameEmailIsRefusedWhileTheFirstIsEmployed() {
        registry.on(hired(ADA));

        assertThatThrownBy(() -> registry.on(hired(GRACE))).isInstanceOf(RuleViolationException.class);
        assertThat(registry.holderOf(SHARED_EMAIL)).contains(ADA);
    }

    @Test
    void aLeaversEmailIsFreeForTheNextHire() {
        registry.on(hired(ADA));
        registry.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));

        registry.on(hired(GRACE));

        assertThat(registry.holderOf(SHARED_EMAIL)).contains(GRACE);
    }

    @Test
    void everyLookupClaimAndReleaseFindsItsDocumentByIdAlone() {
        registry.on(hired(ADA));
        registry.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));
        registry.on(hired(GRACE));
        registry.on(new ContractExpired(GRACE, HrEventId.of("hr-3"), NOW));

        // The embedded store answers any other filter, an $and naming _id among them, by reading the whole collection.
        assertThat(filteringCommands).contains("find", "update", "findAndModify", "delete");
        assertThat(filtersSent).allSatisfy(filter -> assertThat(filter.keySet()).isEqualTo(Set.of("_id")));
    }

    private static WorkerHired hired(WorkerId worker) {
        LocalDate start = LocalDate.of(2026, 1, 5);
        return new WorkerHired(worker, HrEventId.of("hr-1-" + worker.value()), start.atStartOfDay(ZoneId.of("Europe/London")).toInstant(), 1, start,
                new PersonDetails("Ada", "Lovelace", SHARED_EMAIL, WorkerType.EMPLOYEE, ZoneId.of("Europe/London"), null),
                new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", null));
    }

    /** Keeps the filter of every find, update, delete and find-and-modify the registry sends. */
    private class FilterRecorder implements CommandListener {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            Stream<BsonValue> filters = switch (event.getCommandName()) {
                case "find" -> Stream.of(command.get("filter"));
                case "findAndModify" -> Stream.of(command.get("query"));
                // The driver hands listeners its write statements inside the command ("updates", "deletes").
                case "update", "delete" -> command.getArray(event.getCommandName() + "s").stream().map(statement -> statement.asDocument().get("q"));
                default -> Stream.empty();
            };
            filters.forEach(filter -> {
                filteringCommands.add(event.getCommandName());
                filtersSent.add(filter.asDocument().clone()); // the command's buffer is released after this call
            });
        }
    }
}
