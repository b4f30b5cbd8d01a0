package org.accessledger.platform.audit.log;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Reads Axon's JDBC domain event table as stored, bytes untouched, in global order. */
public final class EventTableReader {

    private final DataSource dataSource;
    private final EventSchema schema;

    public EventTableReader(DataSource dataSource, EventSchema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    public List<StoredEvent> after(long globalIndex, int limit) {
        return query(" WHERE " + schema.globalIndexColumn() + " > ? ORDER BY " + schema.globalIndexColumn(),
                statement -> {
                    statement.setLong(1, globalIndex);
                    statement.setMaxRows(limit);
                });
    }

    public List<StoredEvent> at(Collection<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return List.of();
        }
        String indexes = globalIndexes.stream().map(String::valueOf).collect(Collectors.joining(","));
        return query(" WHERE " + schema.globalIndexColumn() + " IN (" + indexes + ") ORDER BY "
                + schema.globalIndexColumn(), statement -> { });
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private List<StoredEvent> query(String condition, Parameters parameters) {
        String sql = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.eventIdentifierColumn(),
                schema.typeColumn(), schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn()) + " FROM " + schema.domainEventTable() + condition;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getLong(5), rows.getString(6), rows.getString(7), rows.getString(8),
                            bytes(rows, 9), bytes(rows, 10)));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event store", e);
        }
    }

    private static byte[] bytes(ResultSet rows, int column) throws SQLException {
        byte[] value = rows.getBytes(column);
        return value == null ? new byte[0] : value;
    }
}
