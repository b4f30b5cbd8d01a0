package org.accessledger.platform.storage;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class H2EventTableFactoryTest {

    private final EventSchema schema = new EventSchema();
    private Connection connection;

    @BeforeEach
    void eventTables() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:event-tables;DB_CLOSE_DELAY=-1");
        connection = h2.getConnection();
        H2EventTableFactory.INSTANCE.createDomainEventTable(connection, schema).execute();
    }

    @AfterEach
    void dropTables() throws SQLException {
        connection.createStatement().execute("DROP ALL OBJECTS");
        connection.close();
    }

    @Test
    void keepsPayloadsInTheRowRatherThanInTheLobStore() throws SQLException {
        try (ResultSet column = connection.createStatement().executeQuery("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = UPPER('" + schema.domainEventTable() + "') AND COLUMN_NAME = UPPER('" + schema.payloadColumn() + "')")) {
            assertThat(column.next()).isTrue();
            assertThat(column.getString(1)).isEqualTo("BINARY VARYING");
        }
    }

    @Test
    void storesAndReadsBackALargePayload() throws SQLException {
        byte[] policy = new byte[200_000];
        Arrays.fill(policy, (byte) 'x');
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payload) VALUES ('e1', 'policy', 0, 'Policy', '2026-01-01T00:00:00Z', 'PolicyPublished', ?)")) {
            insert.setBytes(1, policy);
            insert.executeUpdate();
        }
        try (ResultSet row = connection.createStatement().executeQuery("SELECT payload FROM " + schema.domainEventTable())) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBytes(1)).isEqualTo(policy);
        }
    }
}
