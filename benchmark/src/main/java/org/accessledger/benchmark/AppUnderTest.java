package org.accessledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The standalone app as a child process on loopback, spoken to over HTTP as an HR adapter and an auditor would. */
final class AppUnderTest implements AutoCloseable {

    private static final String PASSWORD = "benchmark-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private AppUnderTest(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static AppUnderTest start(Path jar, Path dataDir, int port, String heap, List<String> jvmOptions, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1", "--logging.level.root=warn"));
        command.addAll(arguments);
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()));
        builder.environment().putAll(Map.of("SERVER_PORT", String.valueOf(port), "ACCESSLEDGER_DATA_DIR", dataDir.toString(),
                "ACCESSLEDGER_HR_PASSWORD", PASSWORD, "ACCESSLEDGER_AUDITOR_PASSWORD", PASSWORD, "ACCESSLEDGER_ADMIN_PASSWORD", PASSWORD));
        AppUnderTest app = new AppUnderTest(builder.start(), port);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (app.get("/actuator/health/readiness", false).path("status").asText().equals("UP")) {
                    return app;
                }
            } catch (UncheckedIOException notYet) {
                if (!app.process.isAlive()) {
                    throw new IllegalStateException("AccessLedger exited; see " + dataDir.resolve("app.log"));
                }
            }
            Pause.briefly();
        }
        throw new IllegalStateException("AccessLedger was not ready within 3 minutes; see " + dataDir.resolve("app.log"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), true);
    }

    JsonNode postYaml(String path, String yaml) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)), true);
    }

    JsonNode get(String path, boolean authenticated) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), authenticated);
    }

    /** The commit the app was built from (from its {@code /actuator/info}), "-dirty" if the tree had changes, or "unknown". */
    String builtFrom() {
        JsonNode git = get("/actuator/info", true).path("git");
        String commit = git.at("/commit/id/abbrev").asText();
        if (commit.isEmpty()) {
            return "unknown";
        }
        return git.path("dirty").asBoolean() ? commit + "-dirty" : commit;
    }

    /** Waits until the processor has read up to the head of the event stream; returns its last progress report. */
    JsonNode awaitCaughtUp(String processor) {
        JsonNode progress;
        do {
            Pause.beforeAskingTheAppAgain();
            progress = get("/api/v1/admin/replay/" + processor, true);
        } while (!(progress.path("caughtUp").asBoolean() && progress.path("position").asLong() >= progress.path("head").asLong()));
        return progress;
    }

    /** The request's round-trip time in nanoseconds, for latency samples. */
    long timedGet(String path, boolean authenticated) {
        long started = System.nanoTime();
        get(path, authenticated);
        return System.nanoTime() - started;
    }

    String metrics() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Peak resident memory of the app's process (VmHWM), in bytes. */
    long peakResidentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, as in a crash or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private JsonNode send(HttpRequest.Builder request, boolean authenticated) {
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            String body = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
