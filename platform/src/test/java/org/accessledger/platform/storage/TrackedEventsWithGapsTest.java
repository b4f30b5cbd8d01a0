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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedEventsWithGapsTest {

    private final EventSchema schema = new EventSchema();
    private Connection connection;

    @BeforeEach
    void tenStoredEvents() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:gaps;DB_CLOSE_DELAY=-1");
        connection = h2.getConnection();
        H2EventTableFactory.INSTANCE.createDomainEventTable(connection, schema).execute();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payload)"
                + " VALUES (?, 'worker', ?, 'Worker', '2026-01-01T00:00:00Z', 'Event', X'7B7D')")) {
            for (int i = 1; i <= 10; i++) {
                insert.setString(1, "event-" + i);
                insert.setLong(2, i);
                insert.executeUpdate();
            }
        }
    }

    @AfterEach
    void dropTables() throws SQLException {
        connection.createStatement().execute("DROP ALL OBJECTS");
        connection.close();
    }

    @Test
    void readsTheGapsBelowTheTokenAndTheBatchAboveItInOrder() throws SQLException {
        try (PreparedStatement statement = new TrackedEventsWithGaps().build(connection, schema, 5, 3, List.of(4L, 2L));
             ResultSet rows = statement.executeQuery()) {
            List<Long> read = new ArrayList<>();
            while (rows.next()) {
                read.add(rows.getLong(schema.globalIndexColumn()));
            }
            assertThat(read).containsExactly(2L, 4L, 6L, 7L, 8L);
        }
    }

    @Test
    void readsBothPartsThroughThePrimaryKeyInsteadOfScanningTheTable() throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + TrackedEventsWithGaps.sql(schema, 2))) {
            for (int parameter = 1; parameter <= 4; parameter++) {
                explain.setLong(parameter, parameter);
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                // H2 names the index and, when it narrows the read, the condition it uses: "/* PUBLIC.PRIMARY_KEY_x: GLOBALINDEX > ?1 ..."
                assertThat(Pattern.compile("PRIMARY_KEY_\\w+: ").matcher(plan.getString(1)).results().count()).isEqualTo(2);
            }
        }
    }
}
