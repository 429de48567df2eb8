package io.sitrep.notification.intake;

import io.sitrep.events.EventType;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceSnapshot;
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

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consuming side of the maintenance contract: every maintenance golden sample on sitrep.incident-events
 * decodes, notifies an unfiltered subscription, and makes a webhook body carrying the event and an email saying
 * "Scheduled maintenance" with the window in UTC and in the page's time zone.
 */
class MaintenanceEventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNSUBSCRIBE = "https://status.example.com/unsubscribe?token=a&b";
    private final EventCodec codec = new EventCodec();
    private final WebhookPayload payloads = new WebhookPayload(codec);
    private final EmailRenderer renderer = new EmailRenderer(ZoneId.of("Europe/Berlin"));

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "MAINTENANCE_.*", mode = EnumSource.Mode.MATCH_ALL)
    void every_maintenance_sample_becomes_a_webhook_body_and_an_email(EventType type) throws UndecodableEvent {
        SitrepEvent event = codec.decode(type.wireName(), GoldenSamples.sample(type));

        byte[] body = payloads.body(event);
        JsonNode tree = JSON.readTree(body);
        RenderedEmail email = renderer.notification(payloads.event(body), UNSUBSCRIBE);

        assertThat(event).isInstanceOf(MaintenanceEvent.class);
        assertThat(event.type()).isSameAs(type);
        assertThat(SubscriptionFilter.all().matches(event)).isTrue();
        assertThat(tree.get("type").asString()).isEqualTo(type.wireName());
        assertThat(tree.get("timestamp").asString()).isEqualTo(event.publishedAt().toString());
        assertThat(tree.get("data")).isEqualTo(JSON.readTree(GoldenSamples.sample(type)));
        assertThat(payloads.event(body)).isEqualTo(event);
        MaintenanceSnapshot maintenance = ((MaintenanceEvent) event).maintenance();
        assertThat(email.subject()).startsWith("Sitrep: [Scheduled maintenance] " + maintenance.title() + " — ");
        assertThat(email.text()).startsWith("Scheduled maintenance: " + maintenance.title())
                .containsPattern("Window: \\d{1,2} November 2025, \\d\\d:\\d\\d–\\d\\d:\\d\\d UTC\n")
                .containsPattern("\\d{1,2} November 2025, \\d\\d:\\d\\d–\\d\\d:\\d\\d CET \\(Europe/Berlin\\)\n")
                .contains("Components: Public API").contains("Unsubscribe: " + UNSUBSCRIBE);
        assertThat(email.html()).contains("Scheduled maintenance").contains("<h2>" + maintenance.title() + "</h2>")
                .contains("(Europe/Berlin)").contains("token=a&amp;b");
        JsonNode message = tree.get("data").path("update").path("message");
        if (!message.isMissingNode()) {
            assertThat(email.text()).contains(message.asString());
        }
    }
}
