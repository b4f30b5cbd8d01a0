package org.accessledger.standalone.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.accessledger.identity.snapshot.CurrentWorker;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The two calls a snapshot import makes: read every worker, send HR events. */
final class AccessLedgerClient {

    /** The HR API refused a whole request (status {@code 400} and up): its problem+json. */
    static final class RefusedException extends IOException {
        private final int status;
        private final JsonNode problem;

        RefusedException(int status, JsonNode problem) {
            super("HTTP " + status + ": " + problem.path("detail").asText(problem.toString()));
            this.status = status;
            this.problem = problem;
        }

        int status() {
            return status;
        }

        JsonNode problem() {
            return problem;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String authorization;

    AccessLedgerClient(URI base, String user, char[] password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    }

    /** Every worker AccessLedger holds, by worker id, read a page at a time. */
    Map<String, CurrentWorker> workers() throws IOException, InterruptedException {
        Map<String, CurrentWorker> workers = new HashMap<>();
        String after = null;
        do {
            String query = "?limit=1000" + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode page = send(HttpRequest.newBuilder(base.resolve("/api/v1/workers" + query)).GET());
            page.path("items").forEach(view -> workers.put(view.path("workerId").asText(), CurrentWorker.of(view)));
            after = page.hasNonNull("next") ? page.get("next").asText() : null;
        } while (after != null);
        return workers;
    }

    /** One result per event, in order (see the README's HR event contract). */
    List<JsonNode> post(List<ObjectNode> events) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("events").addAll(events);
        JsonNode answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/hr-events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        return JSON.convertValue(answer.path("results"), JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", authorization).header("Accept", "application/json")
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 400) {
            throw new RefusedException(response.statusCode(), body);
        }
        return body;
    }
}
