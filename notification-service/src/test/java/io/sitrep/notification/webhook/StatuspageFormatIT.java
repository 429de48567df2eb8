package io.sitrep.notification.webhook;

import com.standardwebhooks.Webhook;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Maintenances;
import io.sitrep.notification.Receiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code format: statuspage} (issue 15): a webhook subscription gets Statuspage's webhook notification body, with the
 * fields Statuspage documents for it, signed as every webhook; the default stays the Standard Webhooks envelope.
 */
class StatuspageFormatIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> INCIDENT_FIELDS = List.of("id", "name", "status", "impact", "impact_override", "created_at",
            "updated_at", "monitoring_at", "resolved_at", "shortlink", "backfilled", "scheduled_for", "scheduled_until",
            "scheduled_remind_prior", "scheduled_reminded_at", "scheduled_auto_transition", "postmortem_body",
            "postmortem_body_last_updated_at", "postmortem_ignored", "postmortem_notified_subscribers", "postmortem_notified_twitter",
            "postmortem_published_at", "organization_id", "incident_updates");
    private static final List<String> UPDATE_FIELDS = List.of("id", "incident_id", "status", "body", "created_at", "updated_at",
            "display_at", "twitter_updated_at", "wants_twitter_update");

    @Test
    void anIncidentReachesAStatuspageFormatWebhookAsStatuspagesNotificationSigned() throws Exception {
        Receiver receiver = aReceiver();
        String component = freshComponent("statuspage");
        JsonNode subscription = subscribe("{\"channel\":\"webhook\",\"url\":\"" + receiver.url() + "\",\"format\":\"statuspage\","
                + "\"components\":[\"" + component + "\"]}");
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        IncidentUpdated identified = Incidents.identified(opened);

        publish(opened, identified);

        List<Receiver.Request> requests = receiver.awaitRequests(2, TIMEOUT);
        Webhook verifier = new Webhook(subscription.get("secret").asString());
        for (Receiver.Request request : requests) {
            verifier.verify(request.body(), request.httpHeaders());
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.propertyNames()).containsExactlyInAnyOrder("meta", "page", "incident");
            assertThat(body.get("meta").has("unsubscribe")).isTrue();
            assertThat(body.get("meta").has("documentation")).isTrue();
            assertThat(body.get("page").get("id").asString()).isEqualTo("sitrep");
            assertThat(body.get("page").get("status_indicator").asString()).isEqualTo("major");
            assertThat(body.get("page").get("status_description").asString()).isEqualTo("Partial System Outage");
            JsonNode incident = body.get("incident");
            assertThat(incident.propertyNames()).containsAll(INCIDENT_FIELDS);
            assertThat(incident.get("id").asString()).isEqualTo(opened.incidentId().toString());
            assertThat(incident.get("name").asString()).isEqualTo(opened.incident().title());
            assertThat(incident.get("impact").asString()).isEqualTo("major");
            assertThat(incident.get("shortlink").asString()).isEqualTo("https://status.example.com/incidents/" + opened.incidentId());
            Instant.parse(incident.get("created_at").asString());
            Instant.parse(incident.get("updated_at").asString());
            assertThat(incident.get("incident_updates").size()).isEqualTo(1);
            assertThat(incident.get("incident_updates").get(0).propertyNames()).containsAll(UPDATE_FIELDS);
            assertThat(incident.get("incident_updates").get(0).get("incident_id").asString()).isEqualTo(opened.incidentId().toString());
        }
        List<JsonNode> incidents = requests.stream().map(r -> JSON.readTree(r.body()).get("incident"))
                .sorted(Comparator.comparing(i -> i.get("status").asString())).toList();
        assertThat(incidents).extracting(i -> i.get("status").asString()).containsExactly("identified", "investigating");
        assertThat(incidents.get(0).get("incident_updates").get(0).get("body").asString()).isEqualTo(identified.update().message());
        JsonNode openedUpdate = incidents.get(1).get("incident_updates").get(0);
        assertThat(openedUpdate.get("body").asString()).isEqualTo(opened.update().message());
        assertThat(openedUpdate.get("affected_components").get(0).get("code").asString()).isEqualTo(component);
        assertThat(openedUpdate.get("affected_components").get(0).get("old_status").asString()).isEqualTo("operational");
        assertThat(openedUpdate.get("affected_components").get(0).get("new_status").asString()).isEqualTo("partial_outage");
        assertThat(subscription.get("format").asString()).isEqualTo("statuspage");
    }

    @Test
    void aMaintenanceWindowIsAStatuspageIncidentWithMaintenanceImpactAndItsSchedule() {
        Receiver receiver = aReceiver();
        String component = freshComponent("statuspage-maint");
        subscribe("{\"channel\":\"webhook\",\"url\":\"" + receiver.url() + "\",\"format\":\"statuspage\",\"components\":[\"" + component + "\"]}");
        MaintenanceScheduled scheduled = Maintenances.scheduled(component);

        publish(scheduled);

        JsonNode incident = JSON.readTree(receiver.awaitRequests(1, TIMEOUT).get(0).body()).get("incident");
        assertThat(incident.propertyNames()).containsAll(INCIDENT_FIELDS);
        assertThat(incident.get("impact").asString()).isEqualTo("maintenance");
        assertThat(incident.get("status").asString()).isEqualTo("scheduled");
        assertThat(Instant.parse(incident.get("scheduled_for").asString())).isEqualTo(scheduled.maintenance().scheduledFor());
        assertThat(Instant.parse(incident.get("scheduled_until").asString())).isEqualTo(scheduled.maintenance().scheduledUntil());
        assertThat(incident.get("scheduled_remind_prior").asBoolean()).isTrue();
        assertThat(incident.get("incident_updates").get(0).get("status").asString()).isEqualTo("scheduled");
    }

    @Test
    void theDefaultFormatStaysStandardWebhooks() {
        Receiver receiver = aReceiver();
        String component = freshComponent("standard");
        JsonNode subscription = subscribeWebhook(receiver.url(), component);
        IncidentOpened opened = Incidents.opened(component, Impact.MINOR);

        publish(opened);

        JsonNode body = JSON.readTree(receiver.awaitRequests(1, TIMEOUT).get(0).body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("type", "timestamp", "data");
        assertThat(subscription.get("format").asString()).isEqualTo("standard");
    }

    @Test
    void aFormatOnAnEmailSubscriptionIsRefusedNamingTheField() {
        JsonNode problem = api.post("/api/v1/subscriptions", "{\"channel\":\"email\",\"email\":\"format@example.com\",\"format\":\"statuspage\"}")
                .expectProblem(400, "validation-failed");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("format");
    }
}
