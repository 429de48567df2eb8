package io.sitrep.notification.intake;

import com.standardwebhooks.Webhook;
import io.sitrep.events.Impact;
import io.sitrep.events.MaintenanceCancelled;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceUpdated;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Maintenances;
import io.sitrep.notification.Receiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scheduled maintenance from sitrep.incident-events to webhooks: every event of a window, by the same filters as incidents, once. */
class MaintenanceNotificationIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @Test
    void everyEventOfAWindowReachesAMatchingWebhookSignedAndCarryingTheEvent() throws Exception {
        Receiver receiver = aReceiver();
        String component = freshComponent("maint");
        JsonNode subscription = subscribeWebhook(receiver.url(), component);
        MaintenanceScheduled scheduled = Maintenances.scheduled(component);
        MaintenanceUpdated updated = Maintenances.updated(scheduled, "We will also restart the replicas.");
        MaintenanceUpdated rescheduled = Maintenances.rescheduled(updated, Duration.ofHours(1));
        MaintenanceReminder reminder = Maintenances.reminder(rescheduled);
        MaintenanceStarted started = Maintenances.started(reminder);
        MaintenanceCompleted completed = Maintenances.completed(started);
        MaintenanceCancelled cancelled = Maintenances.cancelled(Maintenances.scheduled(component));
        List<MaintenanceEvent> window = List.of(scheduled, updated, rescheduled, reminder, started, completed, cancelled);

        publish(window.toArray(MaintenanceEvent[]::new));

        List<Receiver.Request> requests = receiver.awaitRequests(window.size(), TIMEOUT);
        Webhook verifier = new Webhook(subscription.get("secret").asString());
        for (Receiver.Request request : requests) {
            verifier.verify(request.body(), request.httpHeaders());
        }
        assertThat(requests).extracting(r -> JSON.readTree(r.body()).get("data").get("eventId").asString())
                .containsExactlyInAnyOrderElementsOf(window.stream().map(e -> e.eventId().toString()).toList());
        for (MaintenanceEvent event : window) {
            JsonNode body = requests.stream().map(r -> JSON.readTree(r.body()))
                    .filter(b -> b.get("data").get("eventId").asString().equals(event.eventId().toString())).findFirst().orElseThrow();
            assertThat(body.get("type").asString()).isEqualTo(event.type().wireName());
            assertThat(body.get("timestamp").asString()).isEqualTo(event.publishedAt().toString());
            assertThat(body.get("data")).isEqualTo(JSON.readTree(codec.encode(event)));
        }
        assertThat(requests).extracting(r -> JSON.readTree(r.body()).get("type").asString()).containsExactlyInAnyOrder(
                "maintenance.scheduled", "maintenance.updated", "maintenance.updated", "maintenance.reminder", "maintenance.started",
                "maintenance.completed", "maintenance.cancelled");
    }

    @Test
    void aPublicSubscriberGetsAMaintenanceEventWithoutItsActor() {
        // issue 13: maintenance events carry their actor now; like an incident's, it is not for the public.
        Receiver receiver = aReceiver();
        String component = freshComponent("maint-actor");
        subscribeWebhook(receiver.url(), component);
        MaintenanceScheduled scheduled = Maintenances.scheduled(component).withActor("Dana Whitfield");

        publish(scheduled);

        Receiver.Request request = receiver.awaitRequests(1, TIMEOUT).get(0);
        assertThat(request.body()).doesNotContain("Dana Whitfield");
        assertThat(JSON.readTree(request.body()).get("data").get("actor").isNull()).isTrue();
        assertThat(JSON.readTree(request.body()).get("data").get("eventId").asString()).isEqualTo(scheduled.eventId().toString());
    }

    @Test
    void filtersByComponentTypeAndImpactApplyToMaintenanceAsDocumented() {
        String component = freshComponent("maint-filtered");
        Receiver everything = aReceiver();
        Receiver remindersOnly = aReceiver();
        Receiver majorOnly = aReceiver();
        Receiver majorAndStarts = aReceiver();
        Receiver otherComponent = aReceiver();
        subscribeWebhook(everything.url(), component);
        subscribe("{\"channel\":\"webhook\",\"url\":\"" + remindersOnly.url() + "\",\"components\":[\"" + component
                + "\"],\"eventTypes\":[\"maintenance.reminder\"]}");
        String majorOnlyId = subscribe("{\"channel\":\"webhook\",\"url\":\"" + majorOnly.url() + "\",\"components\":[\"" + component
                + "\"],\"minImpact\":\"major\"}").get("id").asString();
        subscribe("{\"channel\":\"webhook\",\"url\":\"" + majorAndStarts.url() + "\",\"components\":[\"" + component
                + "\"],\"eventTypes\":[\"incident.opened\",\"maintenance.started\"],\"minImpact\":\"major\"}");
        String otherId = subscribeWebhook(otherComponent.url(), freshComponent("maint-elsewhere")).get("id").asString();
        MaintenanceScheduled scheduled = Maintenances.scheduled(component);
        MaintenanceReminder reminder = Maintenances.reminder(scheduled);
        MaintenanceStarted started = Maintenances.started(reminder);
        MaintenanceCompleted completed = Maintenances.completed(started);

        publish(scheduled, reminder, started, completed, Incidents.opened(component, Impact.MAJOR));

        List<Receiver.Request> all = everything.awaitRequests(5, TIMEOUT);
        remindersOnly.awaitRequests(1, TIMEOUT);
        majorOnly.awaitRequests(1, TIMEOUT);
        majorAndStarts.awaitRequests(2, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + completed.eventId() + "'") == 1);
        assertThat(types(all)).containsExactlyInAnyOrder("maintenance.scheduled", "maintenance.reminder", "maintenance.started",
                "maintenance.completed", "incident.opened");
        assertThat(types(remindersOnly.requests())).containsExactly("maintenance.reminder");
        assertThat(types(majorOnly.requests())).containsExactly("incident.opened");
        assertThat(count("deliveries WHERE subscription_id = '" + majorOnlyId + "'")).isEqualTo(1);
        assertThat(types(majorAndStarts.requests())).containsExactlyInAnyOrder("incident.opened", "maintenance.started");
        assertThat(count("deliveries WHERE subscription_id = '" + otherId + "'")).isZero();
        assertThat(otherComponent.requests()).isEmpty();
    }

    // issue 14: subscribers get each maintenance notification once, however often the event is redelivered.
    @Test
    void aRedeliveredMaintenanceEventNotifiesEachSubscriberOnce() {
        String component = freshComponent("maint-once");
        Receiver first = aReceiver();
        Receiver second = aReceiver();
        String firstId = subscribeWebhook(first.url(), component).get("id").asString();
        String secondId = subscribeWebhook(second.url(), component).get("id").asString();
        MaintenanceScheduled scheduled = Maintenances.scheduled(component);
        MaintenanceReminder reminder = Maintenances.reminder(scheduled);

        publish(scheduled, scheduled);
        publish(reminder, scheduled, reminder);

        first.awaitRequests(2, TIMEOUT);
        second.awaitRequests(2, TIMEOUT);
        for (String id : List.of(firstId, secondId)) {
            await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, reminder.eventId()))
                    && "delivered".equals(deliveryStatus(id, scheduled.eventId())));
            assertThat(count("deliveries WHERE subscription_id = '" + id + "'")).isEqualTo(2);
        }
        assertThat(count("seen_events WHERE event_id IN ('" + scheduled.eventId() + "', '" + reminder.eventId() + "')")).isEqualTo(2);
        assertThat(types(first.requests())).containsExactlyInAnyOrder("maintenance.scheduled", "maintenance.reminder");
        assertThat(types(second.requests())).containsExactlyInAnyOrder("maintenance.scheduled", "maintenance.reminder");
    }

    private static List<String> types(List<Receiver.Request> requests) {
        return requests.stream().map(r -> JSON.readTree(r.body()).get("type").asString()).toList();
    }
}
