package io.sitrep.console.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sitrep.console.account.Role;
import io.sitrep.console.signin.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The requests the console sends to incident-service, as a server on loopback receives them. */
class SitrepApiRequestsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Person person = new Person("ada", Role.ADMIN, false);
    private final AtomicReference<Received> received = new AtomicReference<>();
    private HttpServer server;
    private SitrepApi api;
    private volatile int answerStatus = 200;
    private volatile String answerBody = "{\"id\":\"i-1\",\"version\":5}";

    record Received(String method, String uri, String actor, String ifMatch, String contentType, String authorization, String body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        api = new SitrepApi(new ApiSettings(base, base, base, "console-key", Duration.ofSeconds(2), Duration.ofSeconds(5)), json);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Sitrep-Actor"), exchange.getRequestHeaders().getFirst("If-Match"),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"),
                new String(body, StandardCharsets.UTF_8)));
        byte[] answer = answerBody.getBytes(StandardCharsets.UTF_8);
        if (answerStatus == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.getResponseHeaders().set("Content-Type", answerStatus >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(answerStatus, answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    @Test
    void renamesWithAPatchNamingThePersonAndTheVersionTheySaw() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "Checkout slow");
        request.put("impact", "minor");

        api.edit(person, "i-1", 4, request);

        Received patch = received.get();
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.uri()).isEqualTo("/api/v1/incidents/i-1");
        assertThat(patch.actor()).isEqualTo("ada");
        assertThat(patch.ifMatch()).isEqualTo("\"4\"");
        assertThat(patch.authorization()).isEqualTo("Bearer console-key");
        assertThat(patch.contentType()).startsWith("application/json");
        assertThat(json.readTree(patch.body())).isEqualTo(json.readTree("{\"title\":\"Checkout slow\",\"impact\":\"minor\"}"));
    }

    @Test
    void correctsAnUpdateWithAPatchOfItsMessage() {
        api.editUpdate(person, "i-1", "u-7", 9, Map.of("message", "Rolled back at 03:10."));

        Received patch = received.get();
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.uri()).isEqualTo("/api/v1/incidents/i-1/updates/u-7");
        assertThat(patch.ifMatch()).isEqualTo("\"9\"");
        assertThat(json.readTree(patch.body())).isEqualTo(json.readTree("{\"message\":\"Rolled back at 03:10.\"}"));
    }

    @Test
    void reopensWithAPostToTheReopenEndpoint() {
        api.reopen(person, "i-1", 6, Map.of("message", "Back again"));

        Received post = received.get();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.uri()).isEqualTo("/api/v1/incidents/i-1/reopen");
        assertThat(post.ifMatch()).isEqualTo("\"6\"");
    }

    @Test
    void deletesWithTheReasonInTheBodyAndAcceptsNoContent() {
        answerStatus = 204;

        api.delete(person, "i-1", 3, Map.of("reason", "Opened by mistake"));

        Received delete = received.get();
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.uri()).isEqualTo("/api/v1/incidents/i-1");
        assertThat(delete.actor()).isEqualTo("ada");
        assertThat(delete.ifMatch()).isEqualTo("\"3\"");
        assertThat(json.readTree(delete.body())).isEqualTo(json.readTree("{\"reason\":\"Opened by mistake\"}"));
    }

    @Test
    void makesADeleteRefusedFor412AConflict() {
        answerStatus = 412;
        answerBody = "{\"title\":\"The incident changed\",\"status\":412}";

        assertThatThrownBy(() -> api.delete(person, "i-1", 3, Map.of("reason", "x"))).isInstanceOf(VersionConflict.class);
    }

    @Test
    void asksForAnAuditPageWithOnlyTheFiltersGivenEncodedStrictly() {
        answerBody = "{\"items\":[],\"nextCursor\":null}";

        JsonNode page = api.audit(person, "2026-12-01T09:00:00+01:00", "", "ada lovelace", 50, "c+1/2");

        Received get = received.get();
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.uri()).isEqualTo("/api/v1/audit?limit=50&since=2026-12-01T09%3A00%3A00%2B01%3A00&actor=ada%20lovelace&cursor=c%2B1%2F2");
        assertThat(page.path("items").isArray()).isTrue();
    }
}
