package org.accessledger.platform.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import org.accessledger.api.privacy.PersonalData;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.accessledger.platform.testing.RecordingMongo;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class VersionedDocumentsTest {

    /** Views ignore the store's own fields, as the application's views do. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Counter(int value) {
        Counter plusOne() {
            return new Counter(value + 1);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(@PersonalData String name, String department) {
    }

    private final RecordingMongo mongo = new RecordingMongo();
    private final VersionedDocuments<Counter> counters = new VersionedDocuments<>(
            mongo.database("versioned-documents-test").getCollection("counters"), new ObjectMapper(), Counter.class);

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aViewsPersonalDataIsSealedInItsDocumentAndOpenedOnRead(@TempDir Path keys) {
        PersonalDataVault vault = PersonalDataVault.sealing(keys, new SecretKeySpec(new byte[32], "AES"));
        MongoCollection<Document> collection = mongo.database("versioned-documents-test").getCollection("people");
        VersionedDocuments<Person> people = new VersionedDocuments<>(collection, new ObjectMapper(), Person.class, vault);

        people.update("E1", 1, ignored -> new Person("Ada Lovelace", "Finance"));

        Document stored = collection.find().first();
        assertThat(stored.getString("name")).startsWith("pd1:").doesNotContain("Ada");
        assertThat(stored.getString("department")).isEqualTo("Finance");
        assertThat(people.find("E1")).contains(new Person("Ada Lovelace", "Finance"));
        vault.erase("E1", java.time.Instant.EPOCH);
        assertThat(people.find("E1")).contains(new Person(PersonalData.ERASED, "Finance"));
    }

    @Test
    void anEventAtOrBelowTheAppliedSequenceChangesNothing() {
        counters.update("c1", 1, ignored -> new Counter(1));
        counters.update("c1", 2, Counter::plusOne);

        assertThat(counters.update("c1", 2, Counter::plusOne)).contains(new Counter(2));
        assertThat(counters.update("c1", 1, Counter::plusOne)).contains(new Counter(2));
        assertThat(counters.find("c1")).contains(new Counter(2));
    }

    @Test
    void aChangeAnsweringNullLeavesTheDocumentAsItIs() {
        counters.update("c1", 1, ignored -> new Counter(7));

        assertThat(counters.update("c1", 2, ignored -> null)).contains(new Counter(7));
        assertThat(counters.update("c2", 1, ignored -> null)).isEmpty();
        assertThat(counters.find("c2")).isEmpty();
        assertThat(counters.update("c1", 2, Counter::plusOne)).as("sequence 2 was not applied").contains(new Counter(8));
    }

    /** The embedded read-model store scans a collection for any other filter; these run once per event. */
    @Test
    void updatesAndLookupsSelectByIdAlone() {
        counters.update("c1", 1, ignored -> new Counter(1));
        counters.update("c1", 2, Counter::plusOne);
        counters.find("c1");

        assertThat(mongo.selectingCommands()).contains("update", "find");
        assertThat(mongo.selectionsNotByIdAlone()).isEmpty();
    }
}
