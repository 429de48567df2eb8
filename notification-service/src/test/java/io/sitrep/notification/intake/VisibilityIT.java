package io.sitrep.notification.intake;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentPublished;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdate;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.Visibility;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: an internal incident (opened by an alert) reaches only subscriptions that include internal incidents;
 * once published, every subscriber hears of it as of an incident just opened, with the customer title, and nothing
 * said while it was internal, nor who said it, reaches the public ones.
 */
class VisibilityIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CONFIRM = Pattern.compile("https?://\\S+?(/api/v1/subscriptions/confirm\\?token=[A-Za-z0-9_-]+)");
    private static final String ALERT_TITLE = "[FIRING:1] PaymentsErrorRate pay-1";
    private static final String ALERT_TEXT = "5xx ratio 0.31 on pay-1.internal";
    private static final String CUSTOMER_TITLE = "Card payments failing";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anInternalIncidentReachesOnlyResponderSubscriptionsUntilItIsPublished() throws Exception {
        String component = freshComponent("pay");
        Receiver publicHook = aReceiver();
        Receiver responderHook = aReceiver();
        String publicId = subscribeWebhook(publicHook.url(), component).get("id").asString();
        String responderId = responderSubscription(responderHook.url(), component);
        String address = "subscriber-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        confirmedEmail(address, component);
        UUID incident = UUID.randomUUID();
        IncidentOpened opened = opened(incident, component);
        IncidentUpdated updated = updated(opened);
        IncidentPublished published = published(updated);

        publish(opened, updated);
        responderHook.awaitRequests(2, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + updated.eventId() + "'") == 1);
        assertThat(count("deliveries WHERE subscription_id = '" + publicId + "'")).isZero();
        assertThat(publicHook.requests()).isEmpty();
        assertThat(received(address)).hasSize(1);
        publish(published);

        List<Receiver.Request> responder = responderHook.awaitRequests(3, TIMEOUT);
        Receiver.Request toThePublic = publicHook.awaitRequests(1, TIMEOUT).get(0);
        MimeMessage mail = awaitMail(address, 2).get(1);
        // Each event is its own delivery, so they may arrive in any order.
        assertThat(responder).extracting(r -> JSON.readTree(r.body()).get("type").asString())
                .containsExactlyInAnyOrder("incident.opened", "incident.updated", "incident.published");
        JsonNode internalOpening = ofType(responder, "incident.opened");
        assertThat(internalOpening.get("incident").get("visibility").asString()).isEqualTo("internal");
        assertThat(internalOpening.get("actor").asString()).isEqualTo("alerts");
        assertThat(ofType(responder, "incident.published").get("previousTitle").asString()).isEqualTo(ALERT_TITLE);
        JsonNode publicBody = JSON.readTree(toThePublic.body());
        assertThat(publicBody.get("type").asString()).isEqualTo("incident.published");
        assertThat(publicBody.get("data").get("incident").get("title").asString()).isEqualTo(CUSTOMER_TITLE);
        assertThat(publicBody.get("data").get("actor").isNull()).isTrue();
        assertThat(toThePublic.body()).doesNotContain(ALERT_TITLE).doesNotContain(ALERT_TEXT).doesNotContain("Dana Whitfield");
        assertThat(publicHook.requests()).hasSize(1);
        assertThat(mail.getSubject()).contains(CUSTOMER_TITLE).doesNotContain(ALERT_TITLE);
        assertThat(content(mail)).contains("Some card payments fail").doesNotContain(ALERT_TEXT).doesNotContain(ALERT_TITLE);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(responderId, published.eventId())));
    }

    @Test
    void aPublishIsNotifiedToSubscriptionsThatAskedForOpenings() {
        String component = freshComponent("pay");
        Receiver openingsOnly = aReceiver();
        Receiver updatesOnly = aReceiver();
        subscribe("{\"channel\":\"webhook\",\"url\":\"" + openingsOnly.url() + "\",\"components\":[\"" + component
                + "\"],\"eventTypes\":[\"incident.opened\"]}");
        String updatesId = subscribe("{\"channel\":\"webhook\",\"url\":\"" + updatesOnly.url() + "\",\"components\":[\"" + component
                + "\"],\"eventTypes\":[\"incident.updated\"]}").get("id").asString();
        IncidentOpened opened = opened(UUID.randomUUID(), component);
        IncidentPublished published = published(updated(opened));

        publish(opened, published);

        Receiver.Request request = openingsOnly.awaitRequests(1, TIMEOUT).get(0);
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + published.eventId() + "'") == 1);
        assertThat(JSON.readTree(request.body()).get("type").asString()).isEqualTo("incident.published");
        assertThat(count("deliveries WHERE subscription_id = '" + updatesId + "'")).isZero();
    }

    @Test
    void onlyAnAdminKeyMaySubscribeToInternalIncidents() {
        String body = "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\",\"includeInternal\":true}";

        JsonNode problem = api.post("/api/v1/subscriptions", body).expectProblem(403, "insufficient-scope");

        assertThat(problem.get("detail").asString()).contains("admin");
    }

    /** The data of the one request that carried this event type. */
    static JsonNode ofType(List<Receiver.Request> requests, String type) {
        return requests.stream().map(r -> JSON.readTree(r.body())).filter(body -> body.get("type").asString().equals(type))
                .findFirst().orElseThrow().get("data");
    }

    private String responderSubscription(String url, String component) {
        JsonNode created = api.as(ADMIN_KEY).post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"" + url
                + "\",\"components\":[\"" + component + "\"],\"includeInternal\":true}").expect(201).json();
        assertThat(created.get("includeInternal").asBoolean()).isTrue();
        String id = created.get("id").asString();
        responderSubscriptions.add(id);
        return id;
    }

    /** The base class deletes the subscriptions it made with its own key; these were made with the admin key. */
    private final List<String> responderSubscriptions = new ArrayList<>();

    @AfterEach
    void deleteResponderSubscriptions() {
        responderSubscriptions.forEach(id -> api.as(ADMIN_KEY).send("DELETE", "/api/v1/subscriptions/" + id, null, java.util.Map.of()));
    }

    private void confirmedEmail(String address, String component) throws Exception {
        subscribe("{\"channel\":\"email\",\"email\":\"" + address + "\",\"components\":[\"" + component + "\"]}");
        Matcher link = CONFIRM.matcher(content(awaitMail(address, 1).get(0)));
        assertThat(link.find()).isTrue();
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + link.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
    }


    /** The whole message as sent, every part decoded as the client would show it. */
    private static String content(MimeMessage message) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return jakarta.mail.internet.MimeUtility.unfold(raw.toString(java.nio.charset.StandardCharsets.UTF_8))
                .replace("=\r\n", "").replace("=3D", "=");
    }

    private static IncidentOpened opened(UUID id, String component) {
        Instant now = Instant.now();
        return new IncidentOpened(UUID.randomUUID(), id, 1, now, now,
                new IncidentUpdate(UUID.randomUUID(), IncidentStatus.INVESTIGATING, null, Impact.MAJOR, null, ALERT_TEXT,
                        List.of(new ComponentChange(component, "Payments", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL))),
                snapshot(id, ALERT_TITLE, IncidentStatus.INVESTIGATING, component, 1, now, Visibility.INTERNAL), "alerts");
    }

    private static IncidentUpdated updated(IncidentOpened opened) {
        Instant now = Instant.now();
        String component = opened.incident().components().get(0).id();
        return new IncidentUpdated(UUID.randomUUID(), opened.incidentId(), 2, now, now,
                new IncidentUpdate(UUID.randomUUID(), IncidentStatus.IDENTIFIED, IncidentStatus.INVESTIGATING, Impact.MAJOR, Impact.MAJOR,
                        "Still " + ALERT_TEXT, List.of()),
                snapshot(opened.incidentId(), ALERT_TITLE, IncidentStatus.IDENTIFIED, component, 2, opened.incident().createdAt(),
                        Visibility.INTERNAL), "alerts");
    }

    private static IncidentPublished published(IncidentUpdated updated) {
        Instant now = Instant.now();
        String component = updated.incident().components().get(0).id();
        return new IncidentPublished(UUID.randomUUID(), updated.incidentId(), 3, now, now, ALERT_TITLE,
                new IncidentUpdate(UUID.randomUUID(), IncidentStatus.IDENTIFIED, IncidentStatus.IDENTIFIED, Impact.MAJOR, Impact.MAJOR,
                        "Some card payments fail; we are on it.", List.of()),
                snapshot(updated.incidentId(), CUSTOMER_TITLE, IncidentStatus.IDENTIFIED, component, 3, updated.incident().createdAt(),
                        Visibility.PUBLIC), "Dana Whitfield");
    }

    private static IncidentSnapshot snapshot(UUID id, String title, IncidentStatus status, String component, long version,
                                             Instant createdAt, Visibility visibility) {
        return new IncidentSnapshot(id, title, status, Impact.MAJOR,
                List.of(new AffectedComponent(component, "Payments", ComponentStatus.PARTIAL_OUTAGE)),
                createdAt, Instant.now(), null, version, visibility);
    }
}
