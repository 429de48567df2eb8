package io.sitrep.notification.selfservice;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.OpenApiContract;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15: subscribing from the status page without a key, through a real broker, database and SMTP server: the
 * form and JSON, double opt-in, the manage link, one answer whatever became of a request, the abuse limits and the
 * honeypot, public webhooks and their contact, and the responders' counts and export.
 */
class PublicSubscriptionIT extends IntegrationTest {

    private static final String PATH = "/api/v1/public/subscriptions";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+?/api/v1/subscriptions/(confirm|unsubscribe|manage)\\?token=[A-Za-z0-9_-]+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aSubscriptionFromThePagesFormIsConfirmedThroughItsLinkAndReceivesOnlyItsComponentsIncidents() throws Exception {
        String address = anAddress();
        String mine = freshComponent("public-mine");
        String other = freshComponent("public-other");

        HttpResponse<String> thanks = form(aClient(), "email=" + enc(address) + "&components=" + mine + "&website=");

        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(thanks.body()).contains("Check your inbox").contains("href=\"https://status.example.com\"");
        MimeMessage confirmation = awaitMail(address, 1).get(0);
        assertThat(text(confirmation)).contains("Example Status incident notifications at this address").contains("Components: " + mine);
        String id = subscriptionOf(address);
        URI confirm = link(text(confirmation), "confirm");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(confirm).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(status(id)).isEqualTo("pending_confirmation");

        assertThat(post(confirm, "").statusCode()).isEqualTo(200);

        assertThat(status(id)).isEqualTo("active");
        IncidentOpened elsewhere = Incidents.opened(UUID.randomUUID(), "Elsewhere", other, Impact.MAJOR);
        IncidentOpened here = Incidents.opened(UUID.randomUUID(), "Here", mine, Impact.MAJOR);
        publish(elsewhere, here);
        List<MimeMessage> mails = awaitMail(address, 2);
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + elsewhere.eventId() + "'") == 1);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).contains("Here");
        assertThat(deliveryStatus(id, elsewhere.eventId())).isNull();
    }

    @Test
    void theManageLinkOfANotificationChangesTheComponentsAndUnsubscribes() throws Exception {
        String address = anAddress();
        String first = freshComponent("manage-first");
        String second = freshComponent("manage-second");
        String id = confirmed(address, first);
        publish(Incidents.opened(UUID.randomUUID(), "First", first, Impact.MINOR));
        String notification = text(awaitMail(address, 2).get(1));
        assertThat(notification).contains("Manage your subscription: ");
        URI manage = link(notification, "manage");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(manage).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"" + first + "\" checked").contains("value=\"unsubscribe\"");

        HttpResponse<String> saved = post(manage, "action=save&more=" + enc(second));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Preferences saved").contains(second);
        assertThat(jdbc.sql("SELECT array_to_string(components, ',') FROM subscriptions WHERE id = ?::uuid").param(id)
                .query(String.class).single()).isEqualTo(second);
        IncidentOpened onFirst = Incidents.opened(UUID.randomUUID(), "First again", first, Impact.MINOR);
        IncidentOpened onSecond = Incidents.opened(UUID.randomUUID(), "Second", second, Impact.MINOR);
        publish(onFirst, onSecond);
        assertThat(awaitMail(address, 3).get(2).getSubject()).contains("Second");
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + onFirst.eventId() + "'") == 1);
        assertThat(deliveryStatus(id, onFirst.eventId())).isNull();

        HttpResponse<String> left = post(manage, "action=unsubscribe");

        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.body()).contains("Unsubscribed");
        assertThat(status(id)).isEqualTo("unsubscribed");
        assertThat(http.send(HttpRequest.newBuilder(manage).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(409);
    }

    @Test
    void theAnswerIsByteForByteTheSameForAKnownAnUnknownAndAnOverTheLimitAddress() throws Exception {
        String known = anAddress();
        confirmed(known, freshComponent("known"));
        String limited = anAddress();
        String client = aClient();
        for (int i = 0; i < 5; i++) {
            json(aClient(), "{\"email\":\"" + limited + "\"}");
        }

        HttpResponse<String> forKnown = json(client, "{\"email\":\"" + known + "\"}");
        HttpResponse<String> forUnknown = json(client, "{\"email\":\"" + anAddress() + "\"}");
        HttpResponse<String> overTheLimit = json(client, "{\"email\":\"" + limited + "\"}");

        for (HttpResponse<String> answer : List.of(forKnown, forUnknown, overTheLimit)) {
            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(forUnknown.headers().firstValue("Content-Type"));
            assertThat(answer.headers().firstValue("Content-Length")).isEqualTo(forUnknown.headers().firstValue("Content-Length"));
        }
        assertThat(forKnown.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(forUnknown.body().getBytes(StandardCharsets.UTF_8));
        assertThat(overTheLimit.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(forUnknown.body().getBytes(StandardCharsets.UTF_8));
        assertThat(forUnknown.body()).doesNotContain("@");
    }

    @Test
    void anAddressOverItsHourlyLimitIsSentNothingMore() {
        String address = anAddress();
        double overBefore = outcomes("email", "over_limit");
        for (int i = 0; i < 3; i++) {
            assertThat(json(aClient(), "{\"email\":\"" + address + "\"}").statusCode()).isEqualTo(202);
            int mails = i + 1;
            awaitMail(address, mails);
            String id = subscriptionOf(address);
            await().atMost(TIMEOUT).until(() -> count("deliveries WHERE subscription_id = '" + id
                    + "' AND status IN ('pending', 'failed', 'delivering')") == 0);
        }
        // The fourth and fifth are admitted but find the confirmation emails of the hour used up; the rest are over the limit.
        for (int i = 0; i < 4; i++) {
            assertThat(json(aClient(), "{\"email\":\"" + address + "\"}").statusCode()).isEqualTo(202);
        }

        assertThat(outcomes("email", "over_limit") - overBefore).isEqualTo(2.0);
        assertThat(count("subscriptions WHERE lower(target) = '" + address + "'")).isEqualTo(1);
        assertThat(count("deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE lower(s.target) = '" + address + "'")).isEqualTo(3);
        assertThat(received(address)).hasSize(3);
    }

    @Test
    void aClientOverItsHourlyLimitIsSentNothingMore() {
        String client = aClient();
        for (int i = 0; i < 50; i++) {
            assertThat(json(client, "{\"email\":\"" + anAddress() + "\"}").statusCode()).isEqualTo(202);
        }
        String last = anAddress();

        HttpResponse<String> over = json(client, "{\"email\":\"" + last + "\"}");
        HttpResponse<String> otherClient = json(aClient(), "{\"email\":\"" + anAddress() + "\"}");

        assertThat(over.statusCode()).isEqualTo(202);
        assertThat(over.body()).isEqualTo(otherClient.body());
        assertThat(count("subscriptions WHERE lower(target) = '" + last + "'")).isZero();
        assertThat(count("public_requests WHERE requested_at > now() - interval '1 hour'")).isPositive();
    }

    @Test
    void aFilledHoneypotGetsTheSameAnswerAndNothingIsSent() throws Exception {
        String address = anAddress();
        String sentinel = anAddress();

        HttpResponse<String> robot = form(aClient(), "email=" + enc(address) + "&website=" + enc("http://spam.example"));
        HttpResponse<String> person = form(aClient(), "email=" + enc(sentinel) + "&website=");

        assertThat(robot.statusCode()).isEqualTo(200);
        assertThat(robot.body()).isEqualTo(person.body());
        awaitMail(sentinel, 1);
        assertThat(count("subscriptions WHERE lower(target) = '" + address + "'")).isZero();
        assertThat(received(address)).isEmpty();
    }

    @Test
    void aPublicWebhookIsConfirmedByItsContactWhoIsToldWhenItIsDisabled() throws Exception {
        Receiver receiver = aReceiver().answerAlways(410);
        String contact = anAddress();
        String component = freshComponent("public-hook");

        HttpResponse<String> accepted = json(aClient(), "{\"webhookUrl\":\"" + receiver.url() + "\",\"contactEmail\":\"" + contact
                + "\",\"components\":[\"" + component + "\"]}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        MimeMessage confirmation = awaitMail(contact, 1).get(0);
        assertThat(text(confirmation)).contains("by webhook at http://127.0.0.1:" + receiver.port()).contains("Components: " + component);
        String id = jdbc.sql("SELECT id::text FROM subscriptions WHERE lower(contact_email) = ?").param(contact).query(String.class).single();
        assertThat(jdbc.sql("SELECT format FROM subscriptions WHERE id = ?::uuid").param(id).query(String.class).single()).isEqualTo("statuspage");
        assertThat(receiver.requests()).isEmpty();
        assertThat(post(link(text(confirmation), "confirm"), "").statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("active");

        publish(Incidents.opened(component, Impact.MAJOR));

        receiver.awaitRequests(1, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "disabled".equals(status(id)));
        MimeMessage notice = awaitMail(contact, 2).get(1);
        assertThat(notice.getSubject()).isEqualTo("Example Status: your webhook was disabled");
        assertThat(text(notice)).contains("http://127.0.0.1:" + receiver.port()).contains("410");
    }

    @Test
    void respondersCountSubscribersPerComponentAndChannelAndOnlyAnAdminExportsThem() {
        String component = freshComponent("counted");
        String address = anAddress();
        subscribe("{\"channel\":\"email\",\"email\":\"" + address + "\",\"components\":[\"" + component + "\"]}");
        subscribeWebhook(aReceiver().url(), component);

        Api reader = api.as(READER_KEY);
        Api.Response counts = reader.get("/api/v1/subscribers/counts").expect(200);
        Api.Response exported = api.as(ADMIN_KEY).get("/api/v1/subscribers/export").expect(200);
        Api.Response csv = api.as(ADMIN_KEY).send("GET", "/api/v1/subscribers/export", null, Map.of("Accept", "text/csv")).expect(200);
        Api.Response refused = api.get("/api/v1/subscribers/export");
        Api.Response refusedReader = reader.get("/api/v1/subscribers/export");

        List<String> mine = new ArrayList<>();
        counts.json().get("items").forEach(item -> {
            if (component.equals(item.path("component").asString())) {
                mine.add(item.get("channel").asString() + ":" + item.get("active").asLong() + ":" + item.get("pending").asLong());
            }
        });
        assertThat(mine).containsExactlyInAnyOrder("email:0:1", "webhook:1:0");
        assertThat(counts.body()).doesNotContain("@");
        assertThat(exported.body()).contains(address);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst()).hasValue("id,channel,email,url,contactEmail,components,status,createdAt");
        assertThat(csv.body()).contains("\"" + address + "\"");
        refused.expectProblem(403, "insufficient-scope");
        refusedReader.expectProblem(403, "insufficient-scope");
        assertThat(refused.body()).doesNotContain(address);
    }

    @Test
    void badInputIsRefusedNamingTheFieldForJsonAndSayingWhatIsWrongForTheForm() throws Exception {
        Map<String, String> fieldOf = Map.of(
                "{\"email\":\"not-an-address\"}", "email",
                "{\"email\":\"" + "a".repeat(250) + "@example.com\"}", "email",
                "{\"email\":\"a\\u0007b@example.com\"}", "email",
                "{\"email\":\"a@example.com\",\"components\":[\"Not An Id\"]}", "components[0]",
                "{\"webhookUrl\":\"ftp://hooks.example.com/x\",\"contactEmail\":\"a@example.com\"}", "webhookUrl",
                "{\"webhookUrl\":\"https://hooks.example.com/x\"}", "contactEmail",
                "{\"email\":\"a@example.com\",\"website\":\"" + "x".repeat(201) + "\"}", "website");
        for (Map.Entry<String, String> bad : fieldOf.entrySet()) {
            HttpResponse<String> answer = json(aClient(), bad.getKey());
            assertThat(answer.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).as(bad.getKey()).contains("\"field\":\"" + bad.getValue() + "\"").doesNotContain("Exception");
        }
        HttpResponse<String> unknownField = json(aClient(), "{\"email\":\"a@example.com\",\"admin\":true}");
        HttpResponse<String> wrongShape = json(aClient(), "{\"email\":\"a@example.com\",\"components\":{\"a\":1}}");
        HttpResponse<String> formBadAddress = form(aClient(), "email=" + enc("no address"));
        HttpResponse<String> formUnknown = form(aClient(), "email=a%40example.com&components%5B%5D=api");
        HttpResponse<String> formTwice = form(aClient(), "email=a%40example.com&email=b%40example.com");
        HttpResponse<String> formControl = form(aClient(), "email=a%0D%0ABcc%3Aevil%40example.com%40example.com");

        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("admin");
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(formBadAddress.statusCode()).isEqualTo(400);
        assertThat(formBadAddress.body()).contains("email: must be an email address").contains("href=\"https://status.example.com\"");
        assertThat(formUnknown.statusCode()).isEqualTo(400);
        assertThat(formUnknown.body()).contains("components[]: is not a field of this form");
        assertThat(formTwice.statusCode()).isEqualTo(400);
        assertThat(formTwice.body()).contains("email: may be given once");
        assertThat(formControl.statusCode()).isEqualTo(400);
        assertThat(formControl.body()).contains("email: must not contain control characters");
        assertThat(count("subscriptions WHERE target = 'a@example.com'")).isZero();
    }

    @Test
    void anOversizedBodyOrAnotherMediaTypeIsRefusedAndSendsNothing() {
        String address = anAddress();
        String padding = "x".repeat(70 * 1024);

        HttpResponse<String> oversized = json(aClient(), "{\"email\":\"" + address + "\",\"website\":\"" + padding + "\"}");
        HttpResponse<String> oversizedForm = form(aClient(), "email=" + enc(address) + "&website=" + padding);
        HttpResponse<String> plainText = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("email=" + address)).build());

        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversizedForm.statusCode()).isEqualTo(413);
        assertThat(plainText.statusCode()).isEqualTo(415);
        assertThat(oversized.body()).contains("payload-too-large").doesNotContain(address);
        assertThat(count("subscriptions WHERE lower(target) = '" + address + "'")).isZero();
    }

    @Test
    void onlyThePublicPathItselfNeedsNoKey() {
        HttpResponse<String> below = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH + "/anything"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH)).GET().build());

        assertThat(below.statusCode()).isEqualTo(401);
        assertThat(list.statusCode()).isIn(405, 401);
    }

    /** What the page subscribed is deleted as any test's subscriptions are: other tests list subscriptions a page at a time. */
    @AfterEach
    void deleteWhatThePageSubscribed() {
        jdbc.sql("SELECT id::text FROM subscriptions WHERE status <> 'deleted' AND (target LIKE 'public-%' OR contact_email LIKE 'public-%')")
                .query(String.class).list()
                .forEach(id -> api.send("DELETE", "/api/v1/subscriptions/" + id, null, Map.of()));
    }

    // --- helpers

    private double outcomes(String channel, String outcome) {
        var counter = meters.find("sitrep.public.subscriptions").tag("channel", channel).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private String confirmed(String address, String component) throws Exception {
        assertThat(json(aClient(), "{\"email\":\"" + address + "\",\"components\":[\"" + component + "\"]}").statusCode()).isEqualTo(202);
        assertThat(post(link(text(awaitMail(address, 1).get(0)), "confirm"), "").statusCode()).isEqualTo(200);
        return subscriptionOf(address);
    }

    private String subscriptionOf(String address) {
        return jdbc.sql("SELECT id::text FROM subscriptions WHERE lower(target) = ? AND status <> 'deleted'")
                .param(address).query(String.class).single();
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM subscriptions WHERE id = ?::uuid").param(id).query(String.class).single();
    }

    /** A client address of its own, named in X-Forwarded-For by the trusted loopback "proxy". */
    private static String aClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000))
                + "::" + Integer.toHexString(random.nextInt(1, 0x10000));
    }

    private HttpResponse<String> json(String client, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The status page's form, posted from the page's origin without script. */
    private HttpResponse<String> form(String client, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://status.example.com")
                .header("Accept", "text/html").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> post(URI uri, String body) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String anAddress() {
        return "public-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** The link of that kind in a text, pointed at this test's server. */
    private URI link(String text, String kind) {
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(2).equals(kind)) {
                URI uri = URI.create(matcher.group(1));
                return URI.create("http://localhost:" + port + uri.getRawPath() + "?" + uri.getRawQuery());
            }
        }
        throw new AssertionError("no " + kind + " link in: " + text);
    }


    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = text(body);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
