package io.sitrep.notification.email;

import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.webhook.WebhookPayload;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: one update to a large list was decoded and rendered once per subscriber; it is rendered once per body. */
class PreparedEmailsTest {

    private final WebhookPayload payloads = new WebhookPayload(new EventCodec());
    private final PreparedEmails emails = new PreparedEmails(payloads, new EmailRenderer());

    @Test
    void anEventsEmailIsRenderedOnceForAllTheDeliveriesOfItsBody() {
        IncidentOpened opened = Incidents.opened(UUID.randomUUID(), "API degraded", "api", Impact.MAJOR, "We are **looking** into it.");
        byte[] first = payloads.body(opened);
        byte[] second = payloads.body(opened);

        PreparedEmail one = emails.of(first);
        PreparedEmail other = emails.of(second);

        assertThat(second).isNotSameAs(first);
        assertThat(other).isSameAs(one);
        assertThat(one.fill("https://x/u", "https://x/m")).isEqualTo(new EmailRenderer().notification(opened, "https://x/u", "https://x/m"));
    }

    @Test
    void aPublicAndAnInternalBodyOfOneEventAreTwoEmails() throws Exception {
        SitrepEvent published = new EventCodec().decode("incident.published", GoldenSamples.sample(EventType.INCIDENT_PUBLISHED));
        byte[] internalBody = payloads.body(published);
        byte[] publicBody = payloads.publicBody(published);

        PreparedEmail internal = emails.of(internalBody);
        PreparedEmail visible = emails.of(publicBody);

        assertThat(publicBody).isNotEqualTo(internalBody);
        assertThat(visible).isNotSameAs(internal);
    }

    @Test
    void anEmailKeptDoesNotChangeWithTheArrayItWasFoundBy() {
        IncidentOpened opened = Incidents.opened(UUID.randomUUID(), "API degraded", "api", Impact.MAJOR);
        byte[] body = payloads.body(opened);
        byte[] copy = Arrays.copyOf(body, body.length);
        PreparedEmail kept = emails.of(body);

        Arrays.fill(body, (byte) ' ');

        assertThat(emails.of(copy)).isSameAs(kept);
    }

    @Test
    void onlyTheMostRecentlyUsedEmailsAreKept() {
        byte[] oldest = payloads.body(Incidents.opened(UUID.randomUUID(), "First", "api", Impact.MINOR));
        PreparedEmail first = emails.of(oldest);
        for (int i = 0; i < PreparedEmails.KEPT; i++) {
            emails.of(payloads.body(Incidents.opened(UUID.randomUUID(), "Later " + i, "api", Impact.MINOR)));
        }

        PreparedEmail again = emails.of(oldest);

        assertThat(again).isNotSameAs(first);
        assertThat(again.fill("https://x/u", "https://x/m")).isEqualTo(first.fill("https://x/u", "https://x/m"));
    }
}
