package org.accessledger.connector.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.unboundid.scim2.common.utils.JsonUtils;
import org.accessledger.connector.spi.ConnectorException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * SCIM requests over HTTP: bodies written and read with the SCIM SDK's JSON mapping, failures sorted into transient
 * (unreachable, 429, 5xx) and permanent (other 4xx).
 */
final class ScimHttp {

    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

    private final RestClient client;

    ScimHttp(ScimSettings settings) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.client = RestClient.builder()
                .baseUrl(settings.baseUrl())
                .requestFactory(requests)
                .defaultHeader("Authorization", "Bearer " + settings.token())
                .defaultHeader("Accept", SCIM_JSON.toString())
                .build();
    }

    /** The body of a GET, or empty on 404; {@code query} values are encoded once, as template variables. */
    <T> Optional<T> get(String path, Map<String, ?> query, TypeReference<T> type) {
        return exchange(HttpMethod.GET, path, query, null, type, status -> status == 404);
    }

    /** Sends a body; {@code tolerated} statuses answer empty instead of failing. */
    <T> Optional<T> send(HttpMethod method, String path, Object body, TypeReference<T> type, Function<Integer, Boolean> tolerated) {
        return exchange(method, path, Map.of(), body, type, tolerated);
    }

    private <T> Optional<T> exchange(HttpMethod method, String path, Map<String, ?> query, Object body, TypeReference<T> type,
                                     Function<Integer, Boolean> tolerated) {
        String uri = path + (query.isEmpty() ? "" : "?" + query);
        try {
            RestClient.RequestBodySpec request = client.method(method).uri(builder -> {
                builder.path(path);
                query.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
                return builder.build(query);
            });
            if (body != null) {
                request.contentType(SCIM_JSON).body(JsonUtils.getObjectWriter().writeValueAsString(body));
            }
            String response = request.retrieve().body(String.class);
            return response == null || response.isBlank() || type == null
                    ? Optional.empty()
                    : Optional.of(JsonUtils.getObjectReader().forType(type).readValue(response));
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            if (tolerated.apply(status)) {
                return Optional.empty();
            }
            String message = "SCIM " + method + " " + uri + " answered " + status + ": " + e.getResponseBodyAsString();
            throw isTransient(e.getStatusCode()) ? ConnectorException.transientFailure(message, e) : ConnectorException.permanentFailure(message, e);
        } catch (ResourceAccessException e) {
            throw ConnectorException.transientFailure("SCIM service unreachable: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw ConnectorException.permanentFailure("SCIM answer not understood: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean isTransient(HttpStatusCode status) {
        return status.is5xxServerError() || status.value() == 429 || status.value() == 408;
    }
}
