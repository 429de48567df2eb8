package io.sitrep.incidentservice.web;

import io.sitrep.testsupport.Api;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A POST retried with the same Idempotency-Key happens once. */
class IdempotencyIT extends IntegrationTest {

    private static final String OPEN = """
            {"title":"Webhook deliveries delayed","message":"Queues are backing up."}""";

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstResponseAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();

        Api.Response first = open(key, OPEN).expect(201);
        Api.Response retry = open(key, OPEN).expect(201);

        String id = first.json().get("id").asString();
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT count(*) FROM incidents WHERE id = ?::uuid").param(id).query(Long.class).single()).isEqualTo(1);
        awaitEvents(id, 1);
        assertThat(topic.recordsSoFar(r -> new String(r.value()).contains("Webhook deliveries delayed") && r.key().equals(id)))
                .hasSize(1);
    }

    @Test
    void aRetryOfAnUpdateDoesNotAddASecondUpdate() {
        String id = anOpenIncident("Retried update");
        String key = UUID.randomUUID().toString();
        String update = "{\"message\":\"Mitigation deployed.\"}";

        api.send("POST", "/api/v1/incidents/" + id + "/updates", update, Map.of("Idempotency-Key", key)).expect(201);
        api.send("POST", "/api/v1/incidents/" + id + "/updates", update, Map.of("Idempotency-Key", key)).expect(201);

        assertThat(api.get("/api/v1/incidents/" + id).json().get("version").asLong()).isEqualTo(2);
        awaitEvents(id, 2);
        assertThat(topic.recordsSoFar(TopicReader.keyed(id))).hasSize(2);
    }

    @Test
    void aRetryOfAMinimalWriteReplaysItWithoutABody() {
        String id = anOpenIncident("Retried minimal update");
        Map<String, String> headers = Map.of("Idempotency-Key", UUID.randomUUID().toString(), "Prefer", "return=minimal");
        String update = "{\"message\":\"Mitigation deployed.\"}";

        api.send("POST", "/api/v1/incidents/" + id + "/updates", update, headers).expect(201);
        Api.Response retry = api.send("POST", "/api/v1/incidents/" + id + "/updates", update, headers).expect(201);

        assertThat(retry.body()).isEmpty();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Preference-Applied")).isEqualTo("return=minimal");
        assertThat(retry.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        open(key, OPEN).expect(201);
        long incidents = count("incidents");

        open(key, "{\"title\":\"Something else\",\"message\":\"Different.\"}").expectProblem(422, "idempotency-key-reused");

        assertThat(count("incidents")).isEqualTo(incidents);
    }

    @Test
    void concurrentRetriesWithTheSameKeyCreateOneIncident() throws Exception {
        String key = UUID.randomUUID().toString();

        CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> open(key, OPEN));
        CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> open(key, OPEN));

        String first = a.get(30, TimeUnit.SECONDS).expect(201).json().get("id").asString();
        String second = b.get(30, TimeUnit.SECONDS).expect(201).json().get("id").asString();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void keysAreScopedToTheApiKeyThatSentThem() {
        String key = UUID.randomUUID().toString();
        String id = open(key, OPEN).expect(201).json().get("id").asString();

        Api.Response other = api.as(ADMIN_KEY).send("POST", "/api/v1/incidents", OPEN, Map.of("Idempotency-Key", key)).expect(201);

        assertThat(other.json().get("id").asString()).isNotEqualTo(id);
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        open("x".repeat(256), OPEN).expectProblem(400, "validation-failed");
    }

    private Api.Response open(String key, String body) {
        return api.send("POST", "/api/v1/incidents", body, Map.of("Idempotency-Key", key));
    }
}
