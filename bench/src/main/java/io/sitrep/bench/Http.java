package io.sitrep.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The harness's HTTP client: HTTP/1.1 with kept-alive connections, as an on-call tool would call the APIs. */
final class Http {

    /** An answer: its status, body and ETag (null when there is none). */
    record Response(int status, String body, String etag) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The version an incident's ETag ({@code "3"}) names. */
        long version() {
            return Long.parseLong(etag.replace("\"", ""));
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String apiKey;

    Http(String apiKey) {
        this.apiKey = apiKey;
    }

    Response get(String url) {
        return send("GET", url, null);
    }

    Response post(String url, String json) {
        return send("POST", url, json);
    }

    /** A POST with extra headers, given as name, value, name, value, … */
    Response post(String url, String json, String... headers) {
        return send("POST", url, json, headers);
    }

    Response put(String url, String json) {
        return send("PUT", url, json);
    }

    Response send(String method, String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Response(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted", null);
        }
    }

    /** The same call that must succeed: setting up a run, not measuring it. */
    Response expect(String method, String url, String json) {
        Response response = send(method, url, json);
        if (!response.ok()) {
            throw new IllegalStateException(method + " " + url + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }
}
