package io.sitrep.notification.intake;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEdited;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdateEdited;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 13: corrections notify nobody by default; webhooks that list their types get them, without earlier texts. */
class CorrectionsIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void correctionsReachOnlyWebhooksThatListThemAndCarryNoEarlierTextOrReason() {
        String component = freshComponent("fix");
        Receiver everything = aReceiver();
        Receiver corrections = aReceiver();
        String everythingId = subscribeWebhook(everything.url(), component).get("id").asString();
        subscribe("{\"channel\":\"webhook\",\"url\":\"" + corrections.url() + "\",\"components\":[\"" + component
                + "\"],\"eventTypes\":[\"incident.edited\",\"incident.update_edited\",\"incident.deleted\"]}");
        IncidentOpened opened = Incidents.opened(component, Impact.MINOR);
        Instant now = Instant.now();
        IncidentEdited edited = new IncidentEdited(UUID.randomUUID(), opened.incidentId(), 2, now, now, "API degarded", Impact.MINOR,
                opened.incident(), "Dana Whitfield");
        IncidentUpdateEdited corrected = new IncidentUpdateEdited(UUID.randomUUID(), opened.incidentId(), 3, now, now,
                opened.update().id(), "We are investigating.", "We are investigatign.", 2, opened.incident(), "Dana Whitfield");
        IncidentDeleted deleted = new IncidentDeleted(UUID.randomUUID(), opened.incidentId(), 4, now, now, "Opened by mistake on pay-1",
                opened.incident(), "ops-admin");

        publish(opened, edited, corrected);
        corrections.awaitRequests(2, TIMEOUT);
        everything.awaitRequests(1, TIMEOUT);

        // After the corrections went out: a deletion cancels what is still queued about its incident.
        publish(deleted);

        List<Receiver.Request> received = corrections.awaitRequests(3, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + deleted.eventId() + "'") == 1);
        assertThat(received).extracting(r -> JSON.readTree(r.body()).get("type").asString())
                .containsExactlyInAnyOrder("incident.edited", "incident.update_edited", "incident.deleted");
        JsonNode correction = VisibilityIT.ofType(received, "incident.update_edited");
        assertThat(correction.get("message").asString()).isEqualTo("We are investigating.");
        assertThat(correction.get("previousMessage").isNull()).isTrue();
        assertThat(VisibilityIT.ofType(received, "incident.deleted").get("reason").isNull()).isTrue();
        assertThat(received).allSatisfy(r -> assertThat(r.body()).doesNotContain("Dana Whitfield").doesNotContain("pay-1"));
        assertThat(count("deliveries WHERE subscription_id = '" + everythingId + "'")).isEqualTo(1);
    }

    @Test
    void aDeletionCancelsTheIncidentsQueuedDeliveriesSoTheirRetriesNeverArrive() {
        // issue 13: a deleted incident's queued deliveries were still sent after the deletion was consumed.
        String component = freshComponent("deleted");
        Receiver receiver = aReceiver();
        Receiver.Answer later = new Receiver.Answer(503, Map.of("Retry-After", "4"));
        receiver.answer(later, later, later);
        String subscription = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened mistake = Incidents.opened(component, Impact.MINOR);
        IncidentUpdated mistakeUpdated = Incidents.identified(mistake);
        IncidentOpened other = Incidents.opened(component, Impact.MINOR);
        publish(mistake, mistakeUpdated, other);
        await().atMost(TIMEOUT).until(() -> requestsAbout(receiver, mistake) >= 1 && requestsAbout(receiver, other) >= 1);
        await().atMost(TIMEOUT).until(() -> List.of("pending", "failed").contains(deliveryStatus(subscription, mistakeUpdated.eventId())));
        Instant now = Instant.now();
        IncidentDeleted deleted = new IncidentDeleted(UUID.randomUUID(), mistake.incidentId(), 3, now, now, "Opened by mistake",
                mistakeUpdated.incident(), "ops-admin");

        publish(deleted);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(deliveryStatus(subscription, mistake.eventId())).isEqualTo("cancelled");
            assertThat(deliveryStatus(subscription, mistakeUpdated.eventId())).isEqualTo("cancelled");
        });
        long aboutTheDeletedIncident = requestsAbout(receiver, mistake);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(subscription, other.eventId())));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                .until(() -> requestsAbout(receiver, mistake) == aboutTheDeletedIncident);
        assertThat(aboutTheDeletedIncident).isBetween(1L, 2L);
        assertThat(deliveryStatus(subscription, deleted.eventId())).isNull();
        assertThat(jdbc.sql("SELECT last_error FROM deliveries WHERE subscription_id = ?::uuid AND event_id = ?")
                .params(subscription, mistake.eventId()).query(String.class).single()).isEqualTo("the incident was deleted");
    }

    private static long requestsAbout(Receiver receiver, IncidentOpened incident) {
        return receiver.requests().stream().filter(r -> r.body().contains(incident.incidentId().toString())).count();
    }

    @Test
    void anEmailSubscriptionCannotAskForCorrections() {
        JsonNode problem = api.post("/api/v1/subscriptions",
                "{\"channel\":\"email\",\"email\":\"fixes@example.com\",\"eventTypes\":[\"incident.opened\",\"incident.edited\"]}")
                .expectProblem(400, "validation-failed");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("eventTypes[1]");
    }
}
