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
        return query(" WHERE " + globalIndex + " > ? ORDER BY " + globalIndex, limit, statement -> statement.setLong(1, index));
    }

    public List<StoredEvent> at(Collection<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return List.of();
        }
        String indexes = globalIndexes.stream().map(String::valueOf).collect(Collectors.joining(","));
        return query(" WHERE " + globalIndex + " IN (" + indexes + ") ORDER BY " + globalIndex, globalIndexes.size(),
                statement -> { });
    }

    /** The events of leaves {@code fromLeaf} onwards, in the log's order; an event gone from the store is absent. */
    public List<StoredEvent> inLeafOrder(long fromLeaf, int limit) {
        return query(" JOIN audit_log_leaf l ON l.global_index = " + globalIndex
                + " WHERE l.leaf_index >= ? ORDER BY l.leaf_index", limit, statement -> statement.setLong(1, fromLeaf));
    }

    /** A leaf as the log recorded it beside the event now stored at its global index (null when none is). */
    public record LoggedLeaf(long leafIndex, long globalIndex, String leafHash, StoredEvent event) {
    }

    /** The log's leaves from {@code fromLeaf}, each with what the store holds at its global index now. */
    public List<LoggedLeaf> leavesAgainstStore(long fromLeaf, int limit) {
        String sql = "SELECT l.leaf_index, l.global_index, l.leaf_hash, " + columns() + " FROM audit_log_leaf l LEFT JOIN "
                + schema.domainEventTable() + " e ON " + globalIndex + " = l.global_index WHERE l.leaf_index >= ? "
                + "ORDER BY l.leaf_index";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, fromLeaf);
            statement.setMaxRows(limit);
            statement.setFetchSize(Math.min(limit, 1000));
            try (ResultSet rows = statement.executeQuery()) {
                List<LoggedLeaf> leaves = new ArrayList<>();
                while (rows.next()) {
                    rows.getLong(4);
                    StoredEvent event = rows.wasNull() ? null : event(rows, 4);
                    leaves.add(new LoggedLeaf(rows.getLong(1), rows.getLong(2), rows.getString(3).trim(), event));
                }
                return leaves;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log beside the event store", e);
        }
    }

    /** The lowest global index, up to {@code highest}, of a stored event that no leaf records; -1 when none. */
    public long firstEventNotInLog(long highest) {
        String sql = "SELECT MIN(" + globalIndex + ") FROM " + schema.domainEventTable() + " e WHERE " + globalIndex
                + " <= ? AND NOT EXISTS (SELECT 1 FROM audit_log_leaf l WHERE l.global_index = " + globalIndex + ")";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, highest);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long found = rows.getLong(1);
                return rows.wasNull() ? -1 : found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event store", e);
        }
    }

    private String columns() {
        return Stream.of(schema.globalIndexColumn(), schema.eventIdentifierColumn(), schema.typeColumn(),
                        schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.timestampColumn(),
                        schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                        schema.metaDataColumn())
                .map(column -> "e." + column).collect(Collectors.joining(", "));
    }

    private static StoredEvent event(ResultSet rows, int first) throws SQLException {
        return new StoredEvent(rows.getLong(first), rows.getString(first + 1), rows.getString(first + 2),
                rows.getString(first + 3), rows.getLong(first + 4), rows.getString(first + 5), rows.getString(first + 6),
                rows.getString(first + 7), bytes(rows, first + 8), bytes(rows, first + 9));
    }

    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<StoredEvent> query(String condition, int limit, Parameters parameters) {
        String sql = "SELECT " + columns() + " FROM " + schema.domainEventTable() + " e" + condition;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement);
            statement.setMaxRows(limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(event(rows, 1));
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
