package io.sitrep.notification.subscription.web;

import io.sitrep.notification.IntegrationTest;
import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions over REST: created with a secret shown once, listed, read and deleted; unsafe targets refused. */
class SubscriptionApiIT extends IntegrationTest {

    @Test
    void aWebhookSubscriptionAnswersItsSigningSecretOnlyWhenCreated() {
        String url = aReceiver().url();

        Api.Response created = api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"" + url + "\","
                + "\"components\":[\"api\"],\"eventTypes\":[\"incident.opened\"],\"minImpact\":\"major\"}").expect(201);
        String id = created.json().get("id").asString();
        api.send("DELETE", "/api/v1/subscriptions/" + id, null, java.util.Map.of());

        JsonNode body = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/subscriptions/" + id);
        assertThat(body.get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(30);
        assertThat(body.get("status").asString()).isEqualTo("active");
        assertThat(body.get("url").asString()).isEqualTo(url);
        assertThat(body.get("minImpact").asString()).isEqualTo("major");
        assertThat(body.get("eventTypes").get(0).asString()).isEqualTo("incident.opened");
    }

    @Test
    void readingASubscriptionNeverShowsItsSecret() {
        String id = subscribeWebhook(aReceiver().url(), freshComponent("read")).get("id").asString();

        JsonNode one = api.get("/api/v1/subscriptions/" + id).expect(200).json();
        String all = api.get("/api/v1/subscriptions").expect(200).body();

        assertThat(one.has("secret")).isFalse();
        assertThat(one.get("id").asString()).isEqualTo(id);
        assertThat(all).contains(id).doesNotContain("whsec_");
    }

    @Test
    void theSecretIsStoredEncrypted() {
        JsonNode created = subscribeWebhook(aReceiver().url(), freshComponent("enc"));
        String secret = created.get("secret").asString();

        byte[] stored = jdbc.sql("SELECT secret FROM subscriptions WHERE id = ?::uuid").param(created.get("id").asString())
                .query(byte[].class).single();

        java.util.HexFormat hex = java.util.HexFormat.of();
        String key = hex.formatHex(java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())));

        assertThat(hex.formatHex(stored)).doesNotContain(key.substring(0, 16));
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6, 20));
    }

    @Test
    void aDeletedSubscriptionIsGone() {
        String id = subscribeWebhook(aReceiver().url(), freshComponent("gone")).get("id").asString();

        api.send("DELETE", "/api/v1/subscriptions/" + id, null, java.util.Map.of()).expect(204);

        api.get("/api/v1/subscriptions/" + id).expectProblem(404, "unknown-subscription");
        api.send("DELETE", "/api/v1/subscriptions/" + id, null, java.util.Map.of()).expectProblem(404, "unknown-subscription");
        assertThat(api.get("/api/v1/subscriptions").body()).doesNotContain(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://169.254.10.20/hook",
            "http://[fe80::1]/hook",
            "http://0.0.0.0:8080/hook",
            "http://[::]:8080/hook",
            "http://224.0.0.1/hook",
            "ftp://127.0.0.1/hook",
            "file:///etc/passwd",
            "gopher://127.0.0.1:6379/_",
            "http://user:pass@127.0.0.1/hook",
            "not a url"})
    void aTargetThatIsNeverAllowedIsRefusedWithAClearProblemAndStoresNothing(String url) {
        long before = count("subscriptions");

        JsonNode problem = api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"" + url + "\"}")
                .expectProblem(400, "target-refused");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(count("subscriptions")).isEqualTo(before);
    }

    // Security hardening: the list answered every subscription in one response, however many there were.
    @Test
    void theListPagesOldestFirstWithACursorUntilTheLastPage() {
        String component = freshComponent("paged");
        java.util.List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(subscribeWebhook(aReceiver().url(), component).get("id").asString());
        }

        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/subscriptions?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).expect(200).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10_000);

        assertThat(cursor).isNull();
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(mine::contains).toList()).isEqualTo(mine);
        assertThat(api.get("/api/v1/subscriptions").expect(200).json().get("items").size()).isLessThanOrEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=201", "limit=ten", "cursor=not-a-cursor", "cursor=" + "A"})
    void aBadPageParameterIsABadRequestNamingIt(String query) {
        JsonNode problem = api.get("/api/v1/subscriptions?" + query).expectProblem(400, "validation-failed");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
    }
}
