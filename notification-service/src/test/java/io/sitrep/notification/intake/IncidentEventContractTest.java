package io.sitrep.notification.intake;

import io.sitrep.events.EventType;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.notification.email.EmailRenderer;
import io.sitrep.notification.email.RenderedEmail;
import io.sitrep.notification.subscription.SubscriptionFilter;
import io.sitrep.notification.webhook.WebhookPayload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consuming side of the contract: every golden sample on sitrep.incident-events decodes, and
 * each incident event makes a webhook body and an email; component events notify nobody.
 */
class IncidentEventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();
    private final WebhookPayload payloads = new WebhookPayload(codec);

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"INCIDENT_OPENED", "INCIDENT_UPDATED", "INCIDENT_RESOLVED", "INCIDENT_REOPENED",
            "POSTMORTEM_PUBLISHED"})
    void every_incident_sample_becomes_a_webhook_body_and_an_email(EventType type) throws UndecodableEvent {
        SitrepEvent event = codec.decode(type.wireName(), GoldenSamples.sample(type));

        byte[] body = payloads.body(event);
        JsonNode tree = JSON.readTree(body);
        RenderedEmail email = new EmailRenderer().notification(payloads.event(body), "https://status.example.com/unsubscribe");

        assertThat(event).isInstanceOf(IncidentEvent.class);
        assertThat(SubscriptionFilter.all().matches((IncidentEvent) event)).isTrue();
        assertThat(tree.get("type").asString()).isEqualTo(type.wireName());
        assertThat(tree.get("timestamp").asString()).isEqualTo(event.publishedAt().toString());
        assertThat(tree.get("data")).isEqualTo(JSON.readTree(GoldenSamples.sample(type)));
        assertThat(payloads.event(body)).isEqualTo(event);
        assertThat(email.subject()).startsWith("Sitrep: [").contains("Elevated error rates in eu-west region — ");
        assertThat(email.text()).contains("https://status.example.com/unsubscribe");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"COMPONENT_DEFINED", "COMPONENT_STATUS_CHANGED"})
    void every_component_sample_decodes_and_is_no_incident_event(EventType type) throws UndecodableEvent {
        SitrepEvent event = codec.decode(type.wireName(), GoldenSamples.sample(type));

        assertThat(event.type()).isSameAs(type);
        assertThat(event).isNotInstanceOf(IncidentEvent.class);
    }
}
