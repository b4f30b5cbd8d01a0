package org.accessledger.platform.audit.log;

import org.accessledger.platform.audit.tree.CompactRange;
import org.accessledger.platform.audit.tree.MerkleHashes;
import org.accessledger.platform.audit.tree.MerkleTree;
import org.accessledger.platform.audit.tree.ProofVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogAppenderTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);

    private EventTableFixture events;
    private AuditLogStore store;
    private EventTableReader reader;

    @BeforeEach
    void eventTable() throws SQLException {
        events = new EventTableFixture();
        store = events.store;
        reader = events.reader;
    }

    @Test
    void the_log_root_is_the_rfc9162_root_of_the_stored_events_in_global_order() throws SQLException {
        for (long index = 1; index <= 37; index++) {
            store(index);
        }
        AuditLogAppender appender = appender(10);

        while (appender.appendAvailable() > 0) {
            // batches of ten
        }

        assertThat(appender.size()).isEqualTo(37);
        assertThat(appender.root()).isEqualTo(rootOf(reader.after(0, 100)));
        assertThat(new MerkleTree(store).root(37)).isEqualTo(appender.root());
    }

    @Test
    void a_restarted_appender_continues_the_same_tree() throws SQLException {
        for (long index = 1; index <= 5; index++) {
            store(index);
        }
        appender(100).appendAvailable();
        for (long index = 6; index <= 9; index++) {
            store(index);
        }

        AuditLogAppender restarted = appender(100);
        restarted.appendAvailable();

        assertThat(restarted.size()).isEqualTo(9);
        assertThat(restarted.root()).isEqualTo(rootOf(reader.after(0, 100)));
    }

    @Test
    void waits_for_a_missing_index_then_passes_it_and_appends_it_if_it_commits_late() throws SQLException {
        store(1);
        store(2);
        store(4);
        AuditLogAppender appender = appender(100);

        appender.appendAvailable();
        assertThat(appender.size()).as("held before the gap at 3").isEqualTo(2);

        events.clock.advance(GAP_TIMEOUT.plusSeconds(1));
        appender.appendAvailable();
        assertThat(appender.size()).as("the gap passed").isEqualTo(3);

        StoredEvent late = store(3);
        appender.appendAvailable();
        assertThat(appender.size()).isEqualTo(4);
        assertThat(store.leafIndexOf(late.eventIdentifier())).hasValue(3);
    }

    @Test
    void a_missing_index_that_commits_in_time_is_appended_once() throws SQLException {
        store(1);
        store(2);
        store(4);
        AuditLogAppender appender = appender(100);
        appender.appendAvailable();

        store(3);
        appender.appendAvailable();
        appender.appendAvailable();

        assertThat(appender.size()).isEqualTo(4);
        assertThat(appender.root()).isEqualTo(rootOf(reader.after(0, 100)));
    }

    @Test
    void every_appended_event_has_a_verifiable_inclusion_proof() throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        for (long index = 1; index <= 13; index++) {
            events.add(store(index));
        }
        AuditLogAppender appender = appender(100);
        appender.appendAvailable();
        MerkleTree tree = new MerkleTree(store);

        for (StoredEvent event : events) {
            long leaf = store.leafIndexOf(event.eventIdentifier()).orElseThrow();
            byte[] leafHash = MerkleHashes.leaf(reader.at(List.of(event.globalIndex())).get(0).canonicalBytes());
            assertThat(ProofVerifier.verifyInclusion(leaf, 13, leafHash, tree.inclusionProof(leaf, 13), appender.root()))
                    .isTrue();
        }
    }

    @Test
    void canonical_bytes_differ_when_any_field_differs() {
        StoredEvent event = new StoredEvent(1, "e", "Worker", "W1", 0, "2026-01-01T00:00:00Z", "T", null,
                EventTableFixture.bytes("{}"), EventTableFixture.bytes("{}"));
        StoredEvent movedByte = new StoredEvent(1, "e", "Worker", "W1", 0, "2026-01-01T00:00:00Z", "T", null,
                EventTableFixture.bytes("{}"), EventTableFixture.bytes("{ }"));
        StoredEvent shiftedField = new StoredEvent(1, "e", "Worke", "rW1", 0, "2026-01-01T00:00:00Z", "T", null,
                EventTableFixture.bytes("{}"), EventTableFixture.bytes("{}"));
        StoredEvent otherPosition = new StoredEvent(2, "e", "Worker", "W1", 0, "2026-01-01T00:00:00Z", "T", null,
                EventTableFixture.bytes("{}"), EventTableFixture.bytes("{}"));

        assertThat(event.canonicalBytes()).isNotEqualTo(movedByte.canonicalBytes())
                .isNotEqualTo(shiftedField.canonicalBytes())
                .isEqualTo(otherPosition.canonicalBytes());
    }

    private AuditLogAppender appender(int batchSize) {
        return events.appender(GAP_TIMEOUT, batchSize);
    }

    private StoredEvent store(long globalIndex) throws SQLException {
        return events.storeEvent(globalIndex);
    }

    private static byte[] rootOf(List<StoredEvent> events) {
        CompactRange range = new CompactRange();
        events.forEach(event -> range.append(MerkleHashes.leaf(event.canonicalBytes())));
        return range.root();
    }
}
