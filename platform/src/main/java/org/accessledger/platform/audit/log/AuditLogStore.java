package org.accessledger.platform.audit.log;

import org.accessledger.platform.audit.tree.CompactRange;
import org.accessledger.platform.audit.tree.PerfectSubtrees;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * The log's leaves (which stored event each one hashes) and every perfect subtree above them, in the event store's
 * database: written in one transaction per batch, so a crash leaves the log at a batch boundary and a restart resumes
 * the same tree.
 */
public final class AuditLogStore implements PerfectSubtrees {

    /** One leaf and the perfect subtrees its append completed (level 0 being the leaf itself). */
    public record AppendedLeaf(long leafIndex, StoredEvent event, List<CompactRange.Subtree> subtrees) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;

    public AuditLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createSchema() {
        update("CREATE TABLE IF NOT EXISTS audit_log_leaf (leaf_index BIGINT PRIMARY KEY, "
                + "global_index BIGINT NOT NULL UNIQUE, event_identifier VARCHAR(255) NOT NULL UNIQUE, "
                + "leaf_hash CHAR(64) NOT NULL)");
        update("CREATE TABLE IF NOT EXISTS audit_log_node (node_level INT NOT NULL, node_index BIGINT NOT NULL, "
                + "node_hash CHAR(64) NOT NULL, PRIMARY KEY (node_level, node_index))");
    }

    public long size() {
        return single("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM audit_log_leaf");
    }

    /** The highest global index in the log; events below it that the log lacks filled a gap too late. */
    public long highestGlobalIndex() {
        return single("SELECT COALESCE(MAX(global_index), -1) FROM audit_log_leaf");
    }

    public OptionalLong leafIndexOf(String eventIdentifier) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT leaf_index FROM audit_log_leaf WHERE event_identifier = ?")) {
            statement.setString(1, eventIdentifier);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log", e);
        }
    }

    public void append(List<AppendedLeaf> leaves) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement leafRows = connection.prepareStatement("INSERT INTO audit_log_leaf "
                    + "(leaf_index, global_index, event_identifier, leaf_hash) VALUES (?, ?, ?, ?)");
                 PreparedStatement nodeRows = connection.prepareStatement(
                         "INSERT INTO audit_log_node (node_level, node_index, node_hash) VALUES (?, ?, ?)")) {
                for (AppendedLeaf leaf : leaves) {
                    for (CompactRange.Subtree subtree : leaf.subtrees()) {
                        if (subtree.level() == 0) {
                            leafRows.setLong(1, leaf.leafIndex());
                            leafRows.setLong(2, leaf.event().globalIndex());
                            leafRows.setString(3, leaf.event().eventIdentifier());
                            leafRows.setString(4, HEX.formatHex(subtree.hash()));
                            leafRows.addBatch();
                        } else {
                            nodeRows.setInt(1, subtree.level());
                            nodeRows.setLong(2, subtree.index());
                            nodeRows.setString(3, HEX.formatHex(subtree.hash()));
                            nodeRows.addBatch();
                        }
                    }
                }
                leafRows.executeBatch();
                nodeRows.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot append to the audit log", e);
        }
    }

    @Override
    public byte[] hash(int level, long index) {
        String sql = level == 0
                ? "SELECT leaf_hash FROM audit_log_leaf WHERE leaf_index = ?"
                : "SELECT node_hash FROM audit_log_node WHERE node_index = ? AND node_level = " + level;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, index);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("The audit log lacks its subtree at level " + level + ", index " + index);
                }
                return HEX.parseHex(rows.getString(1).trim());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log", e);
        }
    }

    private long single(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log", e);
        }
    }

    private void update(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the audit log's tables", e);
        }
    }
}
