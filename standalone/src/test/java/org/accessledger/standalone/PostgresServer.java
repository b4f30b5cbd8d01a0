package org.accessledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster from Debian's packages on a loopback port. PostgreSQL refuses to run as root, so as
 * root the commands run as the {@code postgres} user.
 */
final class PostgresServer implements AutoCloseable {

    static final String DATABASE = "accessledger";
    private final Path directory;
    private final int port;

    private PostgresServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Starts a cluster in a new directory of its own: the {@code postgres} user cannot enter a test's private temp dir. */
    static PostgresServer start(int port) throws IOException {
        Path directory = Files.createTempDirectory("accessledger-postgres");
        PostgresServer server = new PostgresServer(directory, port);
        if (isRoot()) {
            ExternalTool.run(directory, "chown", "-R", "postgres:postgres", directory.toString());
        }
        server.pg("initdb", "-D", directory.resolve("cluster").toString(), "-U", "accessledger", "--auth=trust", "-E", "UTF8");
        server.pg("pg_ctl", "-D", directory.resolve("cluster").toString(), "-w", "-l", directory.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start");
        server.pg("createdb", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "accessledger", DATABASE);
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        pg("pg_ctl", "-D", directory.resolve("cluster").toString(), "-w", "-m", "fast", "stop");
        ExternalTool.run(directory.getParent(), "rm", "-rf", directory.toString());
    }

    private void pg(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binary(tool).toString());
        command.addAll(List.of(arguments));
        ExternalTool.Result result = ExternalTool.run(directory, command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(tool + " failed: " + result.output());
        }
    }

    private static Path binary(String tool) {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.sorted().reduce((first, second) -> second).map(version -> version.resolve("bin").resolve(tool))
                    .filter(Files::isExecutable)
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed: run .ci/run, or apt-get install postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL is not installed: run .ci/run, or apt-get install postgresql", e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
