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
import java.util.stream.Stream;

/** Reads Axon's JDBC domain event table as stored, bytes untouched. */
public final class EventTableReader {

    private final DataSource dataSource;
    private final EventSchema schema;
    private final String globalIndex;

    public EventTableReader(DataSource dataSource, EventSchema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.globalIndex = "e." + schema.globalIndexColumn();
    }

    /** Events after a global index, in global order. */
    public List<StoredEvent> after(long index, int limit) {
        return query(" WHERE " + globalIndex + " > ? ORDER BY " + globalIndex, index, limit);
    }

    public List<StoredEvent> at(Collection<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return List.of();
        }
        String indexes = globalIndexes.stream().map(String::valueOf).collect(Collectors.joining(","));
        return query(" WHERE " + globalIndex + " IN (" + indexes + ") AND 0 <= ? ORDER BY " + globalIndex, 0,
                globalIndexes.size());
    }

    /** The events of leaves {@code fromLeaf} onwards, in the log's order; an event gone from the store is absent. */
    public List<StoredEvent> inLeafOrder(long fromLeaf, int limit) {
        return query(" JOIN audit_log_leaf l ON l.global_index = " + globalIndex
                + " WHERE l.leaf_index >= ? ORDER BY l.leaf_index", fromLeaf, limit);
    }

    private List<StoredEvent> query(String condition, long parameter, int limit) {
        String columns = Stream.of(schema.globalIndexColumn(), schema.eventIdentifierColumn(), schema.typeColumn(),
                        schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.timestampColumn(),
                        schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                        schema.metaDataColumn())
                .map(column -> "e." + column).collect(Collectors.joining(", "));
        String sql = "SELECT " + columns + " FROM " + schema.domainEventTable() + " e" + condition;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            statement.setMaxRows(limit);
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
