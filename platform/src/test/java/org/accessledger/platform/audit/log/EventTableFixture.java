package org.accessledger.platform.audit.log;

import org.accessledger.platform.storage.H2EventTableFactory;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.h2.jdbcx.JdbcDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Axon's domain event table on an in-memory H2 database, with the audit log's tables beside it. */
final class EventTableFixture {

    final JdbcDataSource dataSource = new JdbcDataSource();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    final AuditLogStore store;
    final EventTableReader reader;

    EventTableFixture() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            H2EventTableFactory.INSTANCE.createDomainEventTable(connection, new EventSchema()).execute();
        }
        store = new AuditLogStore(dataSource);
        store.createSchema();
        reader = new EventTableReader(dataSource, new EventSchema());
    }

    AuditLogAppender appender(Duration gapTimeout, int batchSize) {
        return new AuditLogAppender(reader, store, clock, gapTimeout, Duration.ofMinutes(5), batchSize);
    }

    StoredEvent storeEvent(long globalIndex) throws SQLException {
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

    /** Runs SQL straight on the database, as someone with write access to the event store could. */
    void tamper(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
