package org.accessledger.connector.testservers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The SCIM 2.0 test server ({@code src/test/scim-server}, scimmy over express) as a node process on a free loopback
 * port. Its data is kept in a file, so a stopped server restarts with what it had.
 */
public final class ScimServer extends ServerProcess {

    public static final String TOKEN = "scim-test-token";
    /** Found from this module or from a sibling module of the build. */
    private static final Path SERVER = java.util.stream.Stream.of("src/test/scim-server/server.js", "../connector-service/src/test/scim-server/server.js")
            .map(path -> Path.of(path).toAbsolutePath().normalize()).filter(Files::exists).findFirst()
            .orElse(Path.of("src/test/scim-server/server.js").toAbsolutePath());

    private final Path stateFile;
    private final int port;
    private final boolean lenient;

    private ScimServer(Path stateFile, int port, boolean lenient) {
        this.stateFile = stateFile;
        this.port = port;
        this.lenient = lenient;
    }

    public static ScimServer start(Path directory) {
        return start(directory, false);
    }

    /**
     * A server that behaves like many SaaS directories: it never answers 409 (two groups may share a displayName,
     * two users a userName) and its filters match {@code userName} ignoring case.
     */
    public static ScimServer startLenient(Path directory) {
        return start(directory, true);
    }

    private static ScimServer start(Path directory, boolean lenient) {
        if (!Files.isDirectory(SERVER.getParent().resolve("node_modules"))) {
            throw new IllegalStateException("The SCIM test server is not installed: run .ci/run, or npm ci --prefix " + SERVER.getParent());
        }
        ScimServer server = new ScimServer(directory.resolve("scim-state.json"), Slapd.freePort(), lenient);
        server.startProcess();
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/scim/v2";
    }

    /** How many requests for Users and Groups this server process has received. */
    public int requestsReceived() {
        try {
            String stats = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/stats")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return Integer.parseInt(stats.replaceAll("\\D", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    @Override
    protected void startProcess() {
        try {
            process = new ProcessBuilder(List.of("node", SERVER.toString(), String.valueOf(port), TOKEN, stateFile.toString(), lenient ? "lenient" : "strict"))
                    .redirectErrorStream(true).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = output.readLine();
            if (line == null || !line.startsWith("LISTENING")) {
                throw new IllegalStateException("The SCIM test server did not start: " + line);
            }
            Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "scim-server-output");
            drain.setDaemon(true);
            drain.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
