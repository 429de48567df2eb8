package io.sitrep.notification.email;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.Maintenances;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.DispatchFixtures;
import io.sitrep.notification.delivery.application.DeliveryOutcomes;
import io.sitrep.notification.delivery.application.DeliveryOutcomes.Outcome;
import io.sitrep.notification.delivery.dispatch.Dispatcher;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.testsupport.Api;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Email through a real SMTP server: double opt-in, incident emails, and unsubscribe links that work. */
class EmailIT extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+?/api/v1/subscriptions/(confirm|unsubscribe)\\?token=[A-Za-z0-9_-]+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private Dispatcher dispatcher;

    @Autowired
    private DeliveryOutcomes outcomes;

    @Autowired
    private Subscriptions subscriptions;

    @Autowired
    private DispatchFixtures dispatch;

    @Test
    void anEmailSubscriberGetsIncidentEmailsOnlyAfterConfirming() throws Exception {
        String address = anAddress();
        String component = freshComponent("mail");
        String id = subscribe("{\"channel\":\"email\",\"email\":\"" + address + "\",\"components\":[\"" + component + "\"]}")
                .get("id").asString();
        assertThat(api.get("/api/v1/subscriptions/" + id).json().get("status").asString()).isEqualTo("pending_confirmation");
        MimeMessage confirmation = awaitMail(address, 1).get(0);
        IncidentOpened beforeConfirming = Incidents.opened(component, Impact.MAJOR);
        publish(beforeConfirming);
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + beforeConfirming.eventId() + "'") == 1);

        HttpResponse<String> confirmed = post(link(text(confirmation), "confirm"));

        assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to Example Status incident notifications");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscription confirmed");
        assertThat(api.get("/api/v1/subscriptions/" + id).json().get("status").asString()).isEqualTo("active");
        IncidentOpened opened = Incidents.opened(UUID.randomUUID(), "API degraded", component, Impact.MAJOR);
        publish(opened);
        MimeMessage incident = awaitMail(address, 2).get(1);
        assertThat(incident.getSubject()).isEqualTo("Example Status: [Major] API degraded — Investigating");
        assertThat(text(incident)).contains("We are investigating elevated error rates.").contains("Unsubscribe: ");
        assertThat(html(incident)).contains("<h2>API degraded</h2>");
        assertThat(incident.getHeader("List-Unsubscribe")[0]).matches("<http://.+/api/v1/subscriptions/unsubscribe\\?token=.+>");
        assertThat(incident.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(awaitMail(address, 2)).hasSize(2);
    }

    /** Issue 15: mail that says where it comes from, on every kind of mail (confirmation, incident, maintenance). */
    @Test
    void everyKindOfEmailNamesThePageLinksToItAndCarriesTheHeadersOfAnAutomaticList() throws Exception {
        String address = anAddress();
        String component = freshComponent("mail-headers");
        confirmedSubscription(address, component);
        IncidentOpened opened = Incidents.opened(UUID.randomUUID(), "API degraded", component, Impact.MAJOR);
        MaintenanceScheduled scheduled = Maintenances.scheduled(component);

        publish(opened, scheduled);

        List<MimeMessage> mails = awaitMail(address, 3);
        assertThat(mails).hasSize(3);
        MimeMessage confirmation = mails.get(0);
        MimeMessage incident = mails.stream().filter(m -> subject(m).contains("API degraded")).findFirst().orElseThrow();
        MimeMessage maintenance = mails.stream().filter(m -> subject(m).contains("Scheduled maintenance")).findFirst().orElseThrow();
        for (MimeMessage mail : mails) {
            assertThat(((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Example Status");
            assertThat(subject(mail)).contains("Example Status");
            assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
            assertThat(mail.getHeader("List-Id")).containsExactly("\"Example Status\" <notifications.notify.example.com>");
            assertThat(mail.getMessageID()).matches("<[0-9a-f-]{36}@notify\\.example\\.com>");
            assertThat(mail.getContentType()).startsWith("multipart/alternative");
            Multipart parts = (Multipart) mail.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat(text(mail)).contains("https://status.example.com");
            assertThat(html(mail)).contains("href=\"https://status.example.com\"");
            assertThat(mail.getHeader("List-Unsubscribe")).hasSize(1);
        }
        assertThat(subject(confirmation)).isEqualTo("Confirm your subscription to Example Status incident notifications");
        assertThat(text(confirmation)).contains("asked to receive Example Status incident notifications").contains("Components: " + component);
        assertThat(text(incident)).contains("View the incident: https://status.example.com/incidents/" + opened.incidentId());
        assertThat(html(incident)).contains("href=\"https://status.example.com/incidents/" + opened.incidentId() + "\"");
        assertThat(text(maintenance)).contains("Status page: https://status.example.com");
        assertThat(mails).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
    }

    // Issue 13: an email's HTML part showed the Markdown source; the text part must keep it.
    @Test
    void anIncidentEmailsHtmlPartShowsTheMessageAsSanitizedMarkdownAndItsTextPartTheSource() throws Exception {
        String address = anAddress();
        String component = freshComponent("markdown");
        confirmedSubscription(address, component);
        String markdown = "We are **investigating**.\n\n| Region | Errors |\n|---|---|\n| eu-west | 5% |\n\n"
                + "<script>alert(1)</script>\n\nSee [the runbook](https://runbook.example/mail) and [x](javascript:alert(2)) <img src=x onerror=alert(3)>";

        publish(Incidents.opened(UUID.randomUUID(), "Markdown mail", component, Impact.MAJOR, markdown));

        MimeMessage mail = awaitMail(address, 2).get(1);
        assertThat(html(mail)).contains("<p>We are <strong>investigating</strong>.</p>", "<table>", "<td>eu-west</td>")
                .containsPattern("<a href=\"https://runbook\\.example/mail\" rel=\"(nofollow noopener|noopener nofollow)\">the runbook</a>")
                .doesNotContain("<script", "alert(", "javascript:", "onerror", "<img");
        assertThat(text(mail).replace("\r\n", "\n")).contains(markdown);
    }

    @Test
    void anEmailSubscriberGetsScheduledMaintenanceEmailsWithTheWindowInUtcAndThePagesTimeZone() throws Exception {
        String address = anAddress();
        String component = freshComponent("mail-maint");
        confirmedSubscription(address, component);
        MaintenanceScheduled scheduled = Maintenances.scheduled("Database upgrade", List.of(component),
                Instant.parse("2030-06-01T01:00:00Z"), Instant.parse("2030-06-01T03:00:00Z"));
        MaintenanceReminder reminder = Maintenances.reminder(scheduled);

        publish(scheduled, reminder, Maintenances.scheduled(freshComponent("mail-maint-other")));

        List<MaintenanceEvent> window = List.of(scheduled, reminder);
        await().atMost(TIMEOUT).until(() -> window.stream().allMatch(e -> count("deliveries WHERE event_id = '" + e.eventId()
                + "' AND status = 'delivered'") == 1));
        List<MimeMessage> mails = received(address);
        assertThat(mails).hasSize(3);
        MimeMessage announced = mails.stream().filter(m -> subject(m).endsWith(" — Scheduled")).findFirst().orElseThrow();
        MimeMessage reminded = mails.stream().filter(m -> subject(m).endsWith(" — Starts in 1 hour")).findFirst().orElseThrow();
        assertThat(announced.getSubject()).isEqualTo("Example Status: [Scheduled maintenance] Database upgrade — Scheduled");
        assertThat(text(announced).replace("\r\n", "\n")).startsWith("Scheduled maintenance: Database upgrade")
                .contains("Window: 1 June 2030, 01:00–03:00 UTC\n        1 June 2030, 03:00–05:00 CEST (Europe/Berlin)")
                .contains("We will upgrade the database.").contains("Unsubscribe: ");
        assertThat(html(announced)).contains("Scheduled maintenance").contains("<h2>Database upgrade</h2>")
                .contains("1 June 2030, 03:00–05:00 CEST (Europe/Berlin)");
        assertThat(text(reminded)).contains("This scheduled maintenance starts in 1 hour.");
        assertThat(reminded.getHeader("List-Unsubscribe")[0]).matches("<http://.+/api/v1/subscriptions/unsubscribe\\?token=.+>");
    }

    @Test
    void theOneClickUnsubscribeOfTheListUnsubscribeHeaderStopsFurtherEmails() throws Exception {
        String address = anAddress();
        String component = freshComponent("leaving");
        String id = confirmedSubscription(address, component);
        publish(Incidents.opened(component, Impact.MINOR));
        MimeMessage incident = awaitMail(address, 2).get(1);
        String header = incident.getHeader("List-Unsubscribe")[0];
        URI unsubscribe = local(header.substring(1, header.length() - 1));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(unsubscribe)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM subscriptions WHERE id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo("unsubscribed");
        IncidentOpened later = Incidents.opened(component, Impact.MAJOR);
        publish(later);
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + later.eventId() + "'") == 1);
        assertThat(deliveryStatus(id, later.eventId())).isNull();
        assertThat(received(address)).hasSize(2);
    }

    @Test
    void theUnsubscribeLinkInTheBodyShowsAButtonThatUnsubscribes() throws Exception {
        String address = anAddress();
        String id = confirmedSubscription(address, freshComponent("button"));
        URI link = link(text(received(address).get(0)), "unsubscribe");

        HttpResponse<String> page = get(link);
        HttpResponse<String> clicked = http.send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"?token=");
        assertThat(clicked.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM subscriptions WHERE id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo("unsubscribed");
    }

    @Test
    void aForgedOrTamperedTokenDoesNothing() throws Exception {
        String address = anAddress();
        String id = subscribe("{\"channel\":\"email\",\"email\":\"" + address + "\"}").get("id").asString();
        URI confirm = link(text(awaitMail(address, 1).get(0)), "confirm");
        String token = confirm.getQuery().substring("token=".length());
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);

        HttpResponse<String> forged = post(local(api.baseUrl() + "/api/v1/subscriptions/confirm?token=" + tampered));
        HttpResponse<String> garbage = get(local(api.baseUrl() + "/api/v1/subscriptions/unsubscribe?token=nonsense"));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/subscriptions/" + id).json().get("status").asString()).isEqualTo("pending_confirmation");
    }

    // Security hardening: mail scanners fetch every link of an email, and the confirmation link's GET used to confirm.
    @Test
    void theConfirmationLinksGetShowsAButtonAndConfirmsNothing() throws Exception {
        String address = anAddress();
        String id = subscribe("{\"channel\":\"email\",\"email\":\"" + address + "\"}").get("id").asString();
        URI confirm = link(text(awaitMail(address, 1).get(0)), "confirm");

        HttpResponse<String> page = get(confirm);
        HttpResponse<String> again = get(confirm);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"?token=").contains("<button type=\"submit\">Confirm</button>")
                .doesNotContain("<script").doesNotContain("style=");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").contains("form-action 'self'"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(api.get("/api/v1/subscriptions/" + id).json().get("status").asString()).isEqualTo("pending_confirmation");
        assertThat(post(confirm).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/subscriptions/" + id).json().get("status").asString()).isEqualTo("active");
    }

    // Security hardening: every request for an email subscription created one and mailed the address, without limit.
    @Test
    void anAddressHasOnePendingSubscriptionPerFilterAndAtMostThreeConfirmationEmailsAnHour() {
        String address = anAddress();
        String request = "{\"channel\":\"email\",\"email\":\"" + address + "\",\"components\":[\"limited\"]}";
        String id = subscribe(request).get("id").asString();
        awaitMail(address, 1);
        awaitNoConfirmationOnItsWay(id);

        String again = api.post("/api/v1/subscriptions", request.replace(address, address.toUpperCase())).expect(200).json().get("id").asString();
        awaitMail(address, 2);
        awaitNoConfirmationOnItsWay(id);
        String third = api.post("/api/v1/subscriptions", request).expect(200).json().get("id").asString();
        awaitMail(address, 3);
        awaitNoConfirmationOnItsWay(id);
        Api.Response fourth = api.post("/api/v1/subscriptions", request);
        Api.Response otherFilter = api.post("/api/v1/subscriptions", "{\"channel\":\"email\",\"email\":\"" + address + "\"}");

        assertThat(again).isEqualTo(id);
        assertThat(third).isEqualTo(id);
        assertThat(fourth.expectProblem(429, "confirmation-limit").get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(fourth.body()).doesNotContain(address);
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(otherFilter.status()).isEqualTo(429);
        assertThat(count("subscriptions WHERE lower(target) = '" + address + "'")).isEqualTo(1);
        assertThat(count("confirmation_requests WHERE subscription_id = '" + id + "'")).isEqualTo(3);
        assertThat(received(address)).hasSize(3);
    }

    @Test
    void aSecondRequestWhileTheConfirmationAwaitsARetrySendsNoSecondEmail() {
        String address = anAddress();
        String request = "{\"channel\":\"email\",\"email\":\"" + address + "\"}";
        String id;
        String again;
        dispatcher.stop();
        try {
            id = subscribe(request).get("id").asString();
            // The SMTP server failed the confirmation's first attempt: it waits for its next one.
            Subscription subscription = subscriptions.find(new SubscriptionId(UUID.fromString(id))).orElseThrow();
            Outcome first = dispatch.inOneTransaction(() -> outcomes.record(dispatch.claimOf(subscription, Instant.now(), Duration.ofMinutes(1)),
                    subscription, AttemptResult.error("SMTP connection closed", Duration.ofMillis(3)), Instant.now()));
            assertThat(first).isEqualTo(Outcome.RETRYING);

            again = api.post("/api/v1/subscriptions", request).expect(200).json().get("id").asString();

            assertThat(count("deliveries WHERE subscription_id = '" + id + "' AND status = 'failed'")).isEqualTo(1);
            assertThat(received(address)).isEmpty();
        } finally {
            dispatcher.start();
        }
        assertThat(again).isEqualTo(id);
        // Once the dispatcher runs again, the retry is the one confirmation the address gets.
        assertThat(awaitMail(address, 1)).hasSize(1);
        await().atMost(TIMEOUT).until(() -> count("deliveries WHERE subscription_id = '" + id + "' AND status = 'delivered'") == 1);
        assertThat(count("deliveries WHERE subscription_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("confirmation_requests WHERE subscription_id = '" + id + "'")).isEqualTo(1);
        assertThat(received(address)).hasSize(1);
    }

    private void awaitNoConfirmationOnItsWay(String subscriptionId) {
        await().atMost(TIMEOUT).until(() -> count("deliveries WHERE subscription_id = '" + subscriptionId
                + "' AND status IN ('pending', 'failed', 'delivering')") == 0);
    }

    private String confirmedSubscription(String address, String component) throws Exception {
        String id = subscribe("{\"channel\":\"email\",\"email\":\"" + address + "\",\"components\":[\"" + component + "\"]}")
                .get("id").asString();
        assertThat(post(link(text(awaitMail(address, 1).get(0)), "confirm")).statusCode()).isEqualTo(200);
        return id;
    }

    private static String anAddress() {
        return "subscriber-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the button of a link's page does: a form POST to the page's own URL. */
    private HttpResponse<String> post(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The link of that kind in a text, pointed at this test's server. */
    private URI link(String text, String kind) {
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(2).equals(kind)) {
                return local(matcher.group(1));
            }
        }
        throw new AssertionError("no " + kind + " link in: " + text);
    }

    /** The public base URL in emails is the configured one; the test server listens on a random port. */
    private URI local(String url) {
        URI uri = URI.create(url);
        return URI.create(api.baseUrl() + uri.getRawPath() + "?" + uri.getRawQuery());
    }


    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws Exception {
        return part(part, "text/plain");
    }

    private static String html(Part part) throws Exception {
        return part(part, "text/html");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
