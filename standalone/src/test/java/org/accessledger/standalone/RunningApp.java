package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.platform.time.MutableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The standalone application started in this JVM on a free loopback port and a given data directory, with a clock
 * the test moves; spoken to over real HTTP.
 */
final class RunningApp implements AutoCloseable {

    static final String HR_PASSWORD = "hr-secret";
    static final String AUDITOR_PASSWORD = "auditor-secret";
    static final String ADMIN_PASSWORD = "admin-secret";

    record Response(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private final int port;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    static RunningApp start(Path dataDir, MutableClock clock, String... extraArgs) {
        System.setProperty(StandaloneApplication.UPDATE_CHECK_OFF, "true");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--accessledger.data-dir=" + dataDir,
                "--accessledger.scheduling.poll-interval=PT0.05S",
                "--ACCESSLEDGER_HR_PASSWORD=" + HR_PASSWORD,
                "--ACCESSLEDGER_AUDITOR_PASSWORD=" + AUDITOR_PASSWORD,
                "--ACCESSLEDGER_ADMIN_PASSWORD=" + ADMIN_PASSWORD));
        for (String extra : extraArgs) {
            String key = extra.substring(0, extra.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(key));
            args.add(extra);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StandaloneApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run(args.toArray(String[]::new));
        return new RunningApp(context);
    }

    Response postHrEvents(String user, String password, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/hr-events"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response postHrEvents(String json) {
        return postHrEvents("hr", HR_PASSWORD, json);
    }

    /** A POST as the HR adapter, for the intake doors other than the HR API. */
    Response postAsHr(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("Authorization", basic("hr", HR_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The raw body of a GET, for non-JSON answers such as CSV. */
    String getText(String path, String accept) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                    .header("Authorization", basic("auditor", AUDITOR_PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the policy document of a test resource as ADMIN and checks it was accepted. */
    void publishPolicy(String resource) {
        try (java.io.InputStream document = RunningApp.class.getResourceAsStream(resource)) {
            Response published = send("PUT", "/api/v1/policy", "application/yaml", new String(document.readAllBytes(), StandardCharsets.UTF_8));
            if (published.status() != 200) {
                throw new IllegalStateException("The policy " + resource + " was refused: " + published.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request with the given {@code Authorization} header value, or none. */
    Response withAuthorization(String method, String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    Response get(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    Response asAuditor(String path) {
        return get(path, "auditor", AUDITOR_PASSWORD);
    }

    /** The events of one kind (LIFECYCLE or ACCESS) in a worker's history. */
    List<JsonNode> history(String workerId, String kind) {
        List<JsonNode> events = new ArrayList<>();
        asAuditor("/api/v1/workers/" + workerId + "/history").body().path("events").forEach(event -> {
            if (kind.equals(event.path("kind").asText())) {
                events.add(event);
            }
        });
        return events;
    }

    List<JsonNode> lifecycleHistory(String workerId) {
        return history(workerId, "LIFECYCLE");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = contentType.contains("json") ? JSON.readTree(response.body()) : JSON.getNodeFactory().textNode(response.body());
            return new Response(response.statusCode(), contentType, body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        context.close();
    }
}
