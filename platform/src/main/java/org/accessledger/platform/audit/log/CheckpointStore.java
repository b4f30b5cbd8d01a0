package org.accessledger.platform.audit.log;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every signed checkpoint the log made, by tree size, beside the log in the event store's database. */
public final class CheckpointStore {

    public record StoredCheckpoint(long treeSize, Instant createdAt, String note) {
    }

    private final DataSource dataSource;

    public CheckpointStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createSchema() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS audit_checkpoint (tree_size BIGINT PRIMARY KEY, "
                    + "created_at VARCHAR(40) NOT NULL, note VARCHAR(4000) NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the audit checkpoint table", e);
        }
    }

    /** Stores a checkpoint unless one of that size exists already (the same tree gives the same root). */
    public void save(StoredCheckpoint checkpoint) {
        if (at(checkpoint.treeSize()).isPresent()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO audit_checkpoint (tree_size, created_at, note) VALUES (?, ?, ?)")) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setString(2, checkpoint.createdAt().toString());
            insert.setString(3, checkpoint.note());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store an audit checkpoint", e);
        }
    }

    public Optional<StoredCheckpoint> latest() {
        return query("WHERE tree_size >= ? ORDER BY tree_size DESC", 0, 1).stream().findFirst();
    }

    public Optional<StoredCheckpoint> at(long treeSize) {
        return query("WHERE tree_size = ?", treeSize, 1).stream().findFirst();
    }

    /** Checkpoints of at least {@code fromSize} leaves, smallest first. */
    public List<StoredCheckpoint> from(long fromSize, int limit) {
        return query("WHERE tree_size >= ? ORDER BY tree_size", fromSize, limit);
    }

    private List<StoredCheckpoint> query(String condition, long size, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT tree_size, created_at, note FROM audit_checkpoint " + condition)) {
            statement.setLong(1, size);
            statement.setMaxRows(limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredCheckpoint> checkpoints = new ArrayList<>();
                while (rows.next()) {
                    checkpoints.add(new StoredCheckpoint(rows.getLong(1), Instant.parse(rows.getString(2)), rows.getString(3)));
                }
                return checkpoints;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit checkpoints", e);
        }
    }
}
