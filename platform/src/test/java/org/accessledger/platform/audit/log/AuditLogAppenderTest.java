package org.accessledger.platform.audit.log;

import org.accessledger.platform.audit.tree.CompactRange;
import org.accessledger.platform.audit.tree.MerkleHashes;
import org.accessledger.platform.audit.tree.MerkleTree;
import org.accessledger.platform.audit.tree.ProofVerifier;
import org.accessledger.platform.storage.H2EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogAppenderTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final MutableClock clock = new MutableClock();
    private AuditLogStore store;
    private EventTableReader reader;

    @BeforeEach
    void eventTable() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            H2EventTableFactory.INSTANCE.createDomainEventTable(connection, new EventSchema()).execute();
        }
        store = new AuditLogStore(dataSource);
        store.createSchema();
        reader = new EventTableReader(dataSource, new EventSchema());
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

        clock.advance(GAP_TIMEOUT.plusSeconds(1));
        appender.appendAvailable();
        assertThat(appender.size()).as("the gap passed").isEqualTo(3);

        StoredEvent late = store(3);
        appender.appendAvailable();
        assertThat(appender.size()).isEqualTo(4);
        assertThat(store.leafIndexOf(late.eventIdentifier())).hasValue(3);
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
                bytes("{}"), bytes("{}"));
        StoredEvent movedByte = new StoredEvent(1, "e", "Worker", "W1", 0, "2026-01-01T00:00:00Z", "T", null,
                bytes("{}"), bytes("{ }"));
        StoredEvent shiftedField = new StoredEvent(1, "e", "Worke", "rW1", 0, "2026-01-01T00:00:00Z", "T", null,
                bytes("{}"), bytes("{}"));
        StoredEvent otherPosition = new StoredEvent(2, "e", "Worker", "W1", 0, "2026-01-01T00:00:00Z", "T", null,
                bytes("{}"), bytes("{}"));

        assertThat(event.canonicalBytes()).isNotEqualTo(movedByte.canonicalBytes())
                .isNotEqualTo(shiftedField.canonicalBytes())
                .isEqualTo(otherPosition.canonicalBytes());
    }

    private AuditLogAppender appender(int batchSize) {
        return new AuditLogAppender(reader, store, clock, GAP_TIMEOUT, Duration.ofMinutes(5), batchSize);
    }

    private StoredEvent store(long globalIndex) throws SQLException {
        StoredEvent event = new StoredEvent(globalIndex, UUID.randomUUID().toString(), "Worker", "W" + globalIndex % 3,
                globalIndex, Instant.parse("2026-12-01T00:00:00Z").plusSeconds(globalIndex).toString(),
                "org.accessledger.WorkerHired", null, bytes("{\"n\":" + globalIndex + "}"), bytes("{}"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex, "
                     + "eventIdentifier, type, aggregateIdentifier, sequenceNumber, timeStamp, payloadType, "
                     + "payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, event.globalIndex());
            insert.setString(2, event.eventIdentifier());
            insert.setString(3, event.aggregateType());
            insert.setString(4, event.aggregateIdentifier());
            insert.setLong(5, event.sequenceNumber());
            insert.setString(6, event.timestamp());
            insert.setString(7, event.payloadType());
            insert.setString(8, event.payloadRevision());
            insert.setBytes(9, event.payload());
            insert.setBytes(10, event.metaData());
            insert.executeUpdate();
        }
        return event;
    }

    private static byte[] rootOf(List<StoredEvent> events) {
        CompactRange range = new CompactRange();
        events.forEach(event -> range.append(MerkleHashes.leaf(event.canonicalBytes())));
        return range.root();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
