package io.sitrep.notification.email;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: email went out over one SMTP connection per message. Sessions are now kept open for several messages; the
 * server's side (the proxy in front of it) shows which connection carried which recipient.
 */
class SmtpSessionIT extends IntegrationTest {

    private static final int SUBSCRIBERS = 12;

    @Autowired
    private SubscriptionCommands commands;

    @Autowired
    private EmailSettings settings;

    @Test
    void severalEmailsGoOverOneSmtpSession() {
        String marker = "session-" + UUID.randomUUID().toString().substring(0, 8);
        String component = freshComponent("sessions");
        Map<String, String> subscribers = confirmedSubscribers(marker, component);
        IncidentOpened opened = Incidents.opened(UUID.randomUUID(), "Sessions reused " + marker, component, Impact.MAJOR);
        Map<Integer, Long> before = SMTP.connectionsCarrying(marker);

        publish(opened);

        subscribers.keySet().forEach(address -> awaitIncidentMail(address, opened));
        Map<Integer, Long> carrying = new java.util.TreeMap<>();
        SMTP.connectionsCarrying(marker).forEach((connection, n) -> {
            long incidentMails = n - before.getOrDefault(connection, 0L);
            if (incidentMails > 0) {
                carrying.put(connection, incidentMails);
            }
        });
        assertThat(carrying.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(SUBSCRIBERS);
        assertThat(carrying).hasSizeLessThan(SUBSCRIBERS);
        assertThat(carrying.size()).isLessThanOrEqualTo(settings.concurrency());
        assertThat(carrying.values()).anyMatch(messages -> messages >= 2);
        subscribers.keySet().forEach(address -> assertThat(incidentMails(address, opened)).hasSize(1));
    }

    @Test
    void anEmailWhoseSessionDropsMidwayIsSentAgainOverANewSessionAndEveryEmailArrivesOnce() {
        String marker = "dropped-" + UUID.randomUUID().toString().substring(0, 8);
        String component = freshComponent("dropped");
        Map<String, String> subscribers = confirmedSubscribers(marker, component);
        IncidentOpened opened = Incidents.opened(UUID.randomUUID(), "Session dropped " + marker, component, Impact.MAJOR);
        SMTP.dropOnceMidSession(marker);

        publish(opened);

        subscribers.keySet().forEach(address -> awaitIncidentMail(address, opened));
        subscribers.values().forEach(id -> await().atMost(TIMEOUT)
                .until(() -> incidentDelivery(id, opened).get("status").asString().equals("delivered")));
        String dropped = SMTP.dropped();
        assertThat(dropped).as("a session that carried mail before was dropped").isNotNull();
        subscribers.keySet().forEach(address -> assertThat(incidentMails(address, opened)).as(address).hasSize(1));
        String droppedAddress = subscribers.keySet().stream().filter(a -> dropped.contains("<" + a + ">")).findFirst().orElseThrow();
        JsonNode delivery = incidentDelivery(subscribers.get(droppedAddress), opened);
        assertThat(delivery.get("attempts")).hasSize(2);
        List<String> errors = new ArrayList<>();
        delivery.get("attempts").forEach(a -> errors.add(a.path("error").asString("")));
        assertThat(errors).filteredOn(e -> e.startsWith("SMTP: ")).hasSize(1);
        assertThat(errors).noneMatch(e -> e.contains("@"));
        for (Map.Entry<String, String> other : subscribers.entrySet()) {
            if (!other.getKey().equals(droppedAddress)) {
                assertThat(incidentDelivery(other.getValue(), opened).get("attempts")).as(other.getKey()).hasSize(1);
            }
        }
    }

    /** Subscribers of the component, by address, each subscribed through the API and confirmed; their ids. */
    private Map<String, String> confirmedSubscribers(String marker, String component) {
        Map<String, String> subscribers = new LinkedHashMap<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            String address = marker + "-" + i + "@example.com";
            String id = subscribe("{\"channel\":\"email\",\"email\":\"" + address + "\",\"components\":[\"" + component + "\"]}")
                    .get("id").asString();
            commands.confirm(new SubscriptionId(UUID.fromString(id)));
            subscribers.put(address, id);
        }
        // Their confirmation emails sent or cancelled: from here on, the sessions carry the incident's emails only.
        String ids = String.join("','", subscribers.values());
        await().atMost(TIMEOUT).until(() -> count("deliveries WHERE subscription_id IN ('" + ids + "')"
                + " AND status IN ('pending', 'failed', 'delivering')") == 0);
        return subscribers;
    }

    private void awaitIncidentMail(String address, IncidentOpened opened) {
        await().atMost(TIMEOUT).until(() -> !incidentMails(address, opened).isEmpty());
    }

    private static List<MimeMessage> incidentMails(String address, IncidentOpened opened) {
        return received(address).stream().filter(m -> subject(m).contains(opened.incident().title())).toList();
    }

    private JsonNode incidentDelivery(String subscriptionId, IncidentOpened opened) {
        for (JsonNode d : api.get("/api/v1/subscriptions/" + subscriptionId + "/deliveries").json().get("items")) {
            if (d.get("eventId").asString().equals(opened.eventId().toString())) {
                return d;
            }
        }
        throw new AssertionError("no delivery of the incident to " + subscriptionId);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
