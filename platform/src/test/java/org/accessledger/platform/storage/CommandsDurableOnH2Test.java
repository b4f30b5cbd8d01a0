package org.accessledger.platform.storage;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crash of the process would leave of the H2 event store is what its file holds at that moment: each test copies
 * the file while the database is open and reads the copy. H2's background writer waits a minute here, so only forced
 * writes reach the file.
 */
class CommandsDurableOnH2Test {

    @TempDir
    Path dir;

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();

    @BeforeEach
    void openDatabaseWithALongWriteDelay() throws SQLException {
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("db/eventstore") + ";WRITE_DELAY=60000;DB_CLOSE_DELAY=-1");
        execute("CREATE TABLE hires(worker VARCHAR(20))");
        execute("CHECKPOINT");
        commandBus.subscribe(String.class.getName(), command -> {
            execute("INSERT INTO hires VALUES ('" + command.getPayload() + "')");
            return null;
        });
    }

    @Test
    void aCommitNotForcedWouldBeLostInACrash() throws Exception {
        hire("W1");

        assertThat(hiresAfterACrash()).isZero();
    }

    @Test
    void aCommandSentFromOutsideAnyUnitOfWorkIsOnDiskWhenItReturns() throws Exception {
        commandBus.registerHandlerInterceptor(CommandsDurableOnH2.on(dataSource));

        hire("W1");

        assertThat(hiresAfterACrash()).isEqualTo(1);
    }

    @Test
    void aCommandWhoseSenderForcesReachesTheFileWhenTheSenderForces() throws Exception {
        CommandsDurableOnH2 durable = CommandsDurableOnH2.on(dataSource);
        commandBus.registerHandlerInterceptor(durable);

        hire(GenericCommandMessage.asCommandMessage("W1").andMetaData(Map.of(BatchDurability.SENDER_FORCES, true)));
        long beforeTheSenderForces = hiresAfterACrash();
        durable.forceWrites();

        assertThat(beforeTheSenderForces).isZero();
        assertThat(hiresAfterACrash()).isEqualTo(1);
    }

    private void hire(String worker) {
        hire(GenericCommandMessage.asCommandMessage(worker));
    }

    private void hire(CommandMessage<?> hire) {
        commandBus.dispatch(hire, (command, result) ->
                assertThat(result.isExceptional()).as("the command failed: %s", result).isFalse());
    }

    private long hiresAfterACrash() throws Exception {
        Path copy = Files.createTempDirectory(dir, "after-crash");
        Files.copy(dir.resolve("db/eventstore.mv.db"), copy.resolve("eventstore.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("eventstore"), "", "");
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM hires")) {
            count.next();
            return count.getLong(1);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
