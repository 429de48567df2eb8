package io.sitrep.systemtests;

import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Hostile input against the running system (issue 12): each request is answered with a 4xx
 * RFC 9457 problem, never a 5xx, and changes nothing: no command is accepted by any service, no
 * rebuild starts, and every service is still up afterwards.
 */
class HostileInputIT extends SystemTest {

    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCEPTED_COMMAND =
            Pattern.compile("^sitrep_commands_total\\{([^}]*)}\\s+([0-9.Ee+]+)$", Pattern.MULTILINE);

    private record Case(String name, Api api, String method, String path, String body, Map<String, String> headers) {
    }

    @Test
    void everyHostileRequestIsAFourHundredProblemAndChangesNothing() throws Exception {
        String component = aComponent("Hostile input");
        String incident = open("Target of hostile updates", component);
        List<Case> cases = cases(component, incident);
        Map<String, Double> writesBefore = acceptedWrites();
        JsonNode rebuildBefore = timeline.get("/api/v1/admin/rebuild").expect(200).json();

        List<String> outcomes = new ArrayList<>();
        assertSoftly(softly -> {
            for (Case c : cases) {
                Api.Response response = c.api().send(c.method(), c.path(), c.body(), c.headers());
                outcomes.add(response.status() + " " + c.name());
                softly.assertThat(response.status()).as("%s: %s %s -> %s", c.name(), c.method(), c.path(), abbreviated(response.body()))
                        .isBetween(400, 499);
                softly.assertThat(response.header("Content-Type")).as("%s: content type", c.name())
                        .startsWith("application/problem+json");
                softly.assertThat(response.body()).as("%s: no internals", c.name())
                        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContainIgnoringCase("postgres")
                        .doesNotContain("SQLState").doesNotContain(stack.apiKey());
            }
        });
        System.out.println("Hostile input outcomes:\n  " + String.join("\n  ", outcomes));

        assertThat(rawUtf8Problem(incidents, "/api/v1/incidents")).isEqualTo(400);
        // A request line no URI class would build.
        for (String target : List.of("/api/v1/incidents?cursor=%%%", "/api/v1/incidents?since=%G0", "/api/v1/incidents/%")) {
            assertThat(rawRequestLine(timeline, target)).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("application/problem+json");
        }
        assertThat(acceptedWrites()).isEqualTo(writesBefore);
        JsonNode rebuildAfter = timeline.get("/api/v1/admin/rebuild").expect(200).json();
        assertThat(rebuildAfter.get("startedAt")).isEqualTo(rebuildBefore.get("startedAt"));
        for (Api service : List.of(incidents, notifications, timeline)) {
            service.as(null).get("/actuator/health/readiness").expect(200);
        }
        JsonNode read = incidents.get("/api/v1/incidents/" + incident).expect(200).json();
        assertThat(read.get("version").asLong()).isEqualTo(1);
    }

    private List<Case> cases(String component, String incident) {
        List<Case> cases = new ArrayList<>();
        String opens = "/api/v1/incidents";
        String updates = "/api/v1/incidents/" + incident + "/updates";
        // Bad JSON.
        cases.add(json("unclosed object", incidents, "POST", opens, "{"));
        cases.add(json("trailing garbage", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\"} {"));
        cases.add(json("an array for an object", incidents, "POST", opens, "[]"));
        cases.add(json("null body", incidents, "POST", opens, "null"));
        cases.add(json("empty body", incidents, "POST", opens, ""));
        cases.add(json("duplicate field", incidents, "POST", opens, "{\"title\":\"t\",\"title\":\"u\",\"message\":\"m\"}"));
        cases.add(json("unknown field", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"admin\":true}"));
        cases.add(new Case("text/plain body", incidents, "POST", opens, "title=t", Map.of("Content-Type", "text/plain")));
        // Wrong types.
        cases.add(json("number for text", incidents, "POST", opens, "{\"title\":5,\"message\":\"m\"}"));
        cases.add(json("object for a list", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"components\":{}}"));
        cases.add(json("unknown enum", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"impact\":\"apocalyptic\"}"));
        cases.add(json("boolean for a time", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":true}"));
        cases.add(json("words for a time", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":\"yesterday\"}"));
        // Oversized.
        cases.add(json("100,000-character title", incidents, "POST", opens, "{\"title\":\"" + "x".repeat(100_000) + "\",\"message\":\"m\"}"));
        cases.add(json("2 MB body", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"" + "x".repeat(2_000_000) + "\"}"));
        cases.add(json("51 components", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"components\":[" + componentList(51) + "]}"));
        cases.add(json("100 KB subscription", notifications, "POST", "/api/v1/subscriptions",
                "{\"channel\":\"webhook\",\"url\":\"https://example.com/" + "x".repeat(100_000) + "\"}"));
        // Deep nesting.
        cases.add(json("10,000 nested arrays", incidents, "POST", opens,
                "{\"title\":\"t\",\"message\":\"m\",\"components\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
        cases.add(json("10,000 nested objects", notifications, "POST", "/api/v1/subscriptions", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        // Huge numbers.
        cases.add(json("a time of 1e400", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":1e400}"));
        cases.add(json("a 40-digit time", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":1234567890123456789012345678901234567890}"));
        cases.add(query("a 20-digit limit", timeline, "/api/v1/incidents?limit=99999999999999999999"));
        cases.add(query("a negative limit", timeline, "/api/v1/incidents?limit=-1"));
        // Unicode edge cases and control characters.
        cases.add(json("NUL in a title", incidents, "POST", opens, "{\"title\":\"a\\u0000b\",\"message\":\"m\"}"));
        cases.add(json("BEL in a message", incidents, "POST", updates, "{\"message\":\"ring\\u0007\"}"));
        cases.add(json("escape sequence in a message", incidents, "POST", updates, "{\"message\":\"\\u001b[2J cleared\"}"));
        cases.add(json("lone high surrogate", incidents, "POST", opens, "{\"title\":\"\\ud800\",\"message\":\"m\"}"));
        cases.add(json("lone low surrogate", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"\\udc00x\"}"));
        cases.add(json("U+FFFF", incidents, "POST", opens, "{\"title\":\"\\uffff\",\"message\":\"m\"}"));
        cases.add(json("U+FFFE", incidents, "POST", updates, "{\"message\":\"\\ufffe\"}"));
        cases.add(json("control character in a component name", incidents, "PUT", "/api/v1/components/" + component,
                "{\"name\":\"Hostile\\u0008input\",\"group\":\"System tests\"}"));
        cases.add(json("control character in a postmortem", incidents, "PUT", "/api/v1/incidents/" + incident + "/postmortem",
                "{\"body\":\"# Hi\\u0000\"}"));
        cases.add(json("NUL in an email address", notifications, "POST", "/api/v1/subscriptions",
                "{\"channel\":\"email\",\"email\":\"a\\u0000@example.com\"}"));
        // Times out of range.
        cases.add(json("occurredAt in year 1", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":\"0001-01-01T00:00:00Z\"}"));
        cases.add(json("occurredAt in year 9999", incidents, "POST", opens, "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":\"9999-12-31T23:59:59Z\"}"));
        cases.add(json("occurredAt past Instant.MAX", incidents, "POST", opens,
                "{\"title\":\"t\",\"message\":\"m\",\"occurredAt\":\"+1000000001-01-01T00:00:00Z\"}"));
        cases.add(query("since in year 1", timeline, "/api/v1/incidents?since=0001-01-01T00:00:00Z"));
        cases.add(query("asOf far ahead", timeline, "/api/v1/incidents/" + incident + "?asOf=%2B999999999-12-31T23:59:59Z"));
        cases.add(query("asOf before 1970", timeline, "/api/v1/incidents/" + incident + "?asOf=1969-12-31T23:59:59Z"));
        cases.add(json("re-drive since year 1", notifications, "POST", "/api/v1/deliveries/redrive",
                "{\"dryRun\":true,\"since\":\"0001-01-01T00:00:00Z\"}"));
        // Malformed ids and queries, and injection strings.
        cases.add(query("an id that is no UUID", incidents, "/api/v1/incidents/not-a-uuid"));
        cases.add(query("an SQL injection for an id", incidents, "/api/v1/incidents/%27%20OR%201%3D1%20--"));
        cases.add(json("an SQL injection for a component id", incidents, "PUT", "/api/v1/components/x%27%3B%20DROP%20TABLE%20incidents%3B--",
                "{\"name\":\"x\"}"));
        cases.add(json("a path for a component id", incidents, "PUT", "/api/v1/components/..%2F..%2Fetc", "{\"name\":\"x\"}"));
        cases.add(query("NUL in a query", timeline, "/api/v1/incidents?component=%00"));
        cases.add(query("a forged cursor", timeline, "/api/v1/incidents?cursor=eyJ4IjoxfQ"));
        cases.add(query("an id that is no UUID, timeline", timeline, "/api/v1/incidents/1%20UNION%20SELECT%201"));
        // Forged and truncated keys.
        String key = stack.apiKey();
        cases.add(new Case("a truncated key", incidents.as(key.substring(0, key.length() - 1)), "POST", opens, "{\"title\":\"t\",\"message\":\"m\"}", Map.of()));
        cases.add(new Case("a key with one more character", incidents.as(key + "x"), "POST", opens, "{\"title\":\"t\",\"message\":\"m\"}", Map.of()));
        cases.add(new Case("a key in another case", notifications.as(key.toUpperCase()), "POST", "/api/v1/subscriptions",
                "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1:9/\"}", Map.of()));
        cases.add(new Case("basic authentication", incidents.as(null), "POST", opens, "{\"title\":\"t\",\"message\":\"m\"}",
                Map.of("Authorization", "Basic YWRtaW46YWRtaW4=")));
        cases.add(new Case("an 8 KB key", timeline.as("k".repeat(8_000)), "POST", "/api/v1/admin/rebuild", null, Map.of()));
        cases.add(new Case("the key's hash as the key", incidents.as(sha256(key)), "POST", opens,
                "{\"title\":\"t\",\"message\":\"m\"}", Map.of()));
        // Other spellings of paths.
        cases.add(json("an encoded letter", incidents.as(null), "POST", "/%61pi/v1/incidents", "{\"title\":\"t\",\"message\":\"m\"}"));
        cases.add(json("a matrix parameter", incidents.as(null), "PUT", "/api;x=1/v1/components/" + component, "{\"name\":\"x\"}"));
        cases.add(json("an encoded admin path", timeline.as(null), "POST", "/api/v1/%61dmin/rebuild", null));
        cases.add(json("an encoded slash", timeline.as(null), "POST", "/api/v1/admin%2Frebuild", null));
        cases.add(json("a doubled slash", notifications.as(null), "POST", "/api//v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1:9/\"}"));
        cases.add(json("a dot segment", notifications.as(null), "POST", "/api/v1/subscriptions/../subscriptions", "{}"));
        cases.add(json("upper case", incidents.as(null), "POST", "/API/v1/incidents", "{\"title\":\"t\",\"message\":\"m\"}"));
        // Webhook targets the target policy refuses even where private targets are allowed.
        for (String url : List.of("file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://example.com/", "http://", "http:/x",
                "http://user:pass@example.com/", "http://exa mple.com/", "http://169.254.169.254/latest/meta-data/",
                "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[fd00:ec2::254]/",
                "https://example.com/" + "x".repeat(2_100), "javascript:alert(1)")) {
            cases.add(json("webhook target " + abbreviated(url), notifications, "POST", "/api/v1/subscriptions",
                    "{\"channel\":\"webhook\",\"url\":\"" + url + "\"}"));
        }
        return cases;
    }

    private static Case json(String name, Api api, String method, String path, String body) {
        return new Case(name, api, method, path, body, Map.of());
    }

    private static Case query(String name, Api api, String path) {
        return new Case(name, api, "GET", path, null, Map.of());
    }

    private static String componentList(int count) {
        List<String> components = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            components.add("{\"id\":\"c" + i + "\",\"status\":\"major_outage\"}");
        }
        return String.join(",", components);
    }

    /** A body that is not UTF-8 at all (an overlong NUL and a lone continuation byte). */
    private int rawUtf8Problem(Api api, String path) throws IOException, InterruptedException {
        byte[] head = "{\"title\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC0, (byte) 0x80, (byte) 0x80};
        byte[] tail = "\",\"message\":\"m\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bad, 0, body, head.length, bad.length);
        System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
        HttpResponse<String> response = RAW.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + stack.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return response.statusCode();
    }

    /** Sends a request line as given, byte for byte, and returns the answer's status line and headers. */
    private static String rawRequestLine(Api api, String target) throws IOException {
        URI base = URI.create(api.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int endOfHeaders = answer.indexOf("\r\n\r\n");
            return endOfHeaders < 0 ? answer : answer.substring(0, endOfHeaders);
        }
    }

    /** Accepted write commands per service and command: a hostile request must add to none. */
    private Map<String, Double> acceptedWrites() {
        Map<String, Double> writes = new java.util.TreeMap<>();
        for (Map.Entry<String, Api> service : Map.of("incident", incidents, "notification", notifications, "timeline", timeline).entrySet()) {
            Matcher line = ACCEPTED_COMMAND.matcher(service.getValue().as(null).get("/actuator/prometheus").expect(200).body());
            while (line.find()) {
                String labels = line.group(1);
                Matcher command = Pattern.compile("command=\"([^\"]+)\"").matcher(labels);
                if (labels.contains("outcome=\"accepted\"") && command.find() && !command.group(1).matches(".*\\.(get|list)$")) {
                    writes.merge(service.getKey() + ":" + command.group(1), Double.parseDouble(line.group(2)), Double::sum);
                }
            }
        }
        return writes;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
