package io.sitrep.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A small HTTP client for the service under test, speaking JSON with an API key. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String key;
    private final OpenApiContract contract;

    public Api(int port, String key) {
        this(port, key, null);
    }

    /** A client whose every exchange is checked against {@code contract}: a difference fails the test. */
    public Api(int port, String key, OpenApiContract contract) {
        this.base = "http://localhost:" + port;
        this.key = key;
        this.contract = contract;
    }

    public String baseUrl() {
        return base;
    }

    /** The same service with another API key, or none when null. */
    public Api as(String otherKey) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey, contract);
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    public Response put(String path, String body) {
        return send("PUT", path, body, Map.of());
    }

    public Response patch(String path, String body) {
        return send("PATCH", path, body, Map.of());
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        Map<String, String> all = new LinkedHashMap<>();
        if (key != null) {
            all.put("Authorization", "Bearer " + key);
        }
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        all.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (contract != null) {
                contract.check(method, response.uri(), all, body, response);
            }
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with assertions that print the body when they fail. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public Response expect(int status) {
            assertThat(status()).as("status of %s %s, body: %s", raw.request().method(), raw.uri(), body()).isEqualTo(status);
            return this;
        }

        /** Asserts an RFC 9457 problem of this status and type. */
        public JsonNode expectProblem(int status, String type) {
            expect(status);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("type").asString()).isEqualTo("urn:sitrep:problem:" + type);
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("detail").asString()).isNotBlank();
            assertThat(body()).doesNotContain("Exception").doesNotContain("\tat ");
            return problem;
        }
    }
}
