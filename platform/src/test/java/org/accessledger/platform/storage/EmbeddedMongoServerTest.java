package org.accessledger.platform.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoServerTest {

    private static final byte[] JAVA_SERIALIZATION_MAGIC = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05};

    @TempDir
    Path dataDir;

    @Test
    void documentsOfEveryBsonTypeTheReadModelsUseSurviveARestart() {
        Document stored = new Document("_id", new ObjectId())
                .append("text", "Ünïcode ✓").append("int", 7).append("long", 1L << 40).append("double", 2.5)
                .append("flag", true).append("at", new Date(1_700_000_000_000L)).append("none", null)
                .append("decimal", new Decimal128(new BigDecimal("12.34"))).append("bytes", new Binary(new byte[]{1, 2, 3}))
                .append("list", List.of("a", 1, new Document("nested", List.of(1L, 2L))))
                .append("sub", new Document("reasons", List.of(new Document("rule", "R1").append("version", 3))));

        withCollection(views -> views.insertOne(stored));

        withCollection(views -> assertThat(views.find(Filters.eq("_id", stored.get("_id"))).first()).isEqualTo(stored));
    }

    @Test
    void theFileHoldsNoJavaSerializedDocuments() throws Exception {
        withCollection(views -> views.insertOne(new Document("_id", "E1").append("sub", new Document("a", List.of(1, 2)))));

        assertThat(indexOf(Files.readAllBytes(dataDir.resolve(EmbeddedMongoServer.FILE_NAME)), JAVA_SERIALIZATION_MAGIC)).isEqualTo(-1);
    }

    @Test
    void everyDocumentIsFoundByItsIdAmongThousandsWrittenInRandomOrder() {
        List<Object> ids = new ArrayList<>();
        IntStream.range(0, 3_000).forEach(i -> ids.add("E" + i));
        IntStream.range(0, 500).forEach(i -> ids.add(i));
        IntStream.range(0, 500).forEach(i -> ids.add(1_000L + i));
        IntStream.range(0, 500).forEach(i -> ids.add(new ObjectId()));
        Collections.shuffle(ids, new Random(42));

        withCollection(views -> ids.forEach(id -> views.insertOne(new Document("_id", id).append("id", String.valueOf(id)))));

        withCollection(views -> {
            assertThat(views.countDocuments()).isEqualTo(ids.size());
            for (Object id : ids) {
                Document found = views.find(Filters.eq("_id", id)).first();
                assertThat(found).as("document %s", id).isNotNull();
                assertThat(found.get("_id")).isEqualTo(id);
            }
        });
    }

    /** H2 writes a map's pages in the background: a stored document changed in place may be half-written. */
    @Test
    void anUpdateLeavesTheStoredVersionOfTheDocumentAsItWas() {
        MVStore store = MVStore.open(EmbeddedMongoServer.fileIn(dataDir).toString());
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(store);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> accounts = client.getDatabase("accessledger").getCollection("target_accounts");
            accounts.insertOne(new Document("_id", "corp|E1").append("actual", new Document("entitlements", List.of("mail"))));
            Map<Object, byte[]> storedMap = store.openMap("databases.accessledger.target_accounts");
            byte[] stored = storedMap.get("corp|E1");
            byte[] asStored = stored.clone();

            accounts.updateOne(Filters.eq("_id", "corp|E1"), Updates.combine(Updates.addToSet("actual.entitlements", "vpn"),
                    Updates.set("actual.exists", true)));
            accounts.find(Filters.eq("_id", "corp|E1")).first();

            assertThat(stored).isEqualTo(asStored);
            assertThat(BsonDocumentType.decode(storedMap.get("corp|E1")).toString()).contains("vpn");
        }
    }

    @Test
    void aDocumentWhoseIdIsNullSurvivesARestart() {
        withCollection(views -> views.insertOne(new Document("_id", null).append("text", "no id")));

        withCollection(views -> assertThat(views.find(Filters.eq("_id", null)).first()).containsEntry("text", "no id"));
    }

    @Test
    void aSecondDocumentWithTheSameIdIsRefusedAfterARestart() {
        withCollection(views -> views.insertOne(new Document("_id", "E1")));

        withCollection(views -> assertThatThrownBy(() -> views.insertOne(new Document("_id", "E1")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY)));
    }

    @Test
    void theReadModelsOfAnEarlierVersionAreCopiedAndTheirFileRemoved() {
        Path earlier = dataDir.resolve("readmodels.mv");
        MongoServer earlierServer = new MongoServer(new H2Backend(MVStore.open(earlier.toString())));
        try (MongoClient client = MongoClients.create(earlierServer.bindAndGetConnectionString())) {
            MongoCollection<Document> views = client.getDatabase("accessledger").getCollection("worker_views");
            IntStream.range(0, 100).forEach(i -> views.insertOne(new Document("_id", "E" + i).append("appliedSequence", (long) i)));
        } finally {
            earlierServer.shutdown();
        }

        withCollection(views -> {
            assertThat(views.countDocuments()).isEqualTo(100);
            assertThat(views.find(Filters.eq("_id", "E42")).first()).containsEntry("appliedSequence", 42L);
        });
        assertThat(earlier).doesNotExist();
    }

    /** Until 4ecbbfb the maps held documents, written by a type that encoded each as BSON: the same bytes. */
    @Test
    void aFileWhoseMapsHeldDocumentsIsReadAsItIs() {
        withCollection(views -> views.insertOne(new Document("_id", "E1").append("status", "PRE_HIRE")));
        try (MVStore store = MVStore.open(EmbeddedMongoServer.fileIn(dataDir).toString())) {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> views = store.openMap("databases.accessledger.worker_views",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().keyType(BsonKeyType.INSTANCE)
                            .valueType(new EncodedDocumentType()));
            views.put("E1", new de.bwaldvogel.mongo.bson.Document("_id", "E1").append("status", "ACTIVE")
                    .append("scheduled", List.of(new de.bwaldvogel.mongo.bson.Document("type", "TERMINATION"))));
        }

        withCollection(views -> assertThat(views.find(Filters.eq("_id", "E1")).first())
                .isEqualTo(new Document("_id", "E1").append("status", "ACTIVE").append("scheduled", List.of(new Document("type", "TERMINATION")))));
    }

    private void withCollection(Consumer<MongoCollection<Document>> action) {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            action.accept(client.getDatabase("accessledger").getCollection("worker_views"));
        }
    }

    /** The documents' type of the earlier version. */
    private static final class EncodedDocumentType extends BasicDataType<de.bwaldvogel.mongo.bson.Document> {

        @Override
        public int getMemory(de.bwaldvogel.mongo.bson.Document document) {
            return 1_000;
        }

        @Override
        public void write(WriteBuffer buffer, de.bwaldvogel.mongo.bson.Document document) {
            buffer.put(BsonDocumentType.encodeToBuffer(document).nioBuffer());
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document read(ByteBuffer buffer) {
            return BsonDocumentType.decode(BsonDocumentType.INSTANCE.read(buffer));
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document[] createStorage(int size) {
            return new de.bwaldvogel.mongo.bson.Document[size];
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
