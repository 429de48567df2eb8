package io.sitrep.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sitrep.events.SitrepEvent;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.OpenApiContract;
import io.sitrep.testsupport.EventPublisher;
import io.sitrep.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: the whole service on a random port, with a real broker, a real
 * database and a real SMTP server (GreenMail, behind an {@link SmtpProxy}). Subclasses share one application context, so each
 * test makes its own subscriptions, filtered to components of its own, and deletes them after.
 * Retries are compressed to fractions of a second. {@link TestBeans} adds a resolver the tests can point and the
 * fixtures of deliveries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitrep.security.api-keys[0].name=manager",
        "sitrep.security.api-keys[0].sha256=21d415489a776ee9f6ecdefda3cee30d8daf9809b4e80dd98b9d1f834ce0af39",
        "sitrep.security.api-keys[0].scopes=subscriptions:write",
        "sitrep.security.api-keys[1].name=operator",
        "sitrep.security.api-keys[1].sha256=c9736463f555cdb7d2a78cfd7aa8b8c4f09d906d78f8dab9228eda30a28c2818",
        "sitrep.security.api-keys[1].scopes=deliveries:write",
        "sitrep.security.api-keys[2].name=reader",
        "sitrep.security.api-keys[2].sha256=ec4408df15da46b328f6f3246fa723d0aa6cb0f0a0dd9c4626080ab1b02aa3b2",
        "sitrep.security.api-keys[3].name=admin",
        "sitrep.security.api-keys[3].sha256=69a5265506c94c77b787a7d7377b7685a0eff82e33920a71e7ee22cd6154953e",
        "sitrep.security.api-keys[3].scopes=admin",
        "sitrep.security.rate-limit.requests-per-period=100000",
        "sitrep.notification.secrets.key=lwQkmmg7E0f2z3xugJ7hN5eK6mrUov9tWysHCU4lKZA=",
        "sitrep.notification.webhooks.allow-private-targets=true",
        "sitrep.notification.webhooks.connect-timeout=1s",
        "sitrep.notification.webhooks.request-timeout=1s",
        "sitrep.notification.delivery.retry-schedule=0s,300ms,300ms,300ms",
        "sitrep.notification.delivery.poll-interval=100ms",
        "sitrep.notification.delivery.lease=10s",
        "sitrep.notification.delivery.breaker.open-for=500ms",
        "sitrep.outbox.poll-interval=200ms",
        "spring.mail.host=127.0.0.1",
        "sitrep.notification.email.time-zone=Europe/Berlin",
        "sitrep.notification.page.name=Example Status",
        "sitrep.notification.page.url=https://status.example.com",
        "sitrep.notification.email.domain=notify.example.com",
        // The tests' requests come through this "proxy", each test naming a client address of its own in X-Forwarded-For.
        "sitrep.notification.public-subscriptions.trusted-proxies=127.0.0.1,::1",
        "spring.cloud.stream.bindings.incidentEvents-in-0.group=notification-it-${random.uuid}",
})
@WithRealInfrastructure
@Import(TestBeans.class)
public abstract class IntegrationTest {

    protected static final String MANAGER_KEY = "manager-key";
    protected static final String OPERATOR_KEY = "operator-key";
    protected static final String READER_KEY = "reader-key";
    protected static final String ADMIN_KEY = "admin-key";
    protected static final String INCIDENT_EVENTS = "sitrep.incident-events";
    protected static final String DELIVERY_EVENTS = "sitrep.delivery-events";
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One SMTP server for the test JVM. */
    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    /** The service's way to it: a proxy that sees every SMTP session (and can drop one). */
    protected static final SmtpProxy SMTP;

    static {
        MAIL.start();
        SMTP = SmtpProxy.to(MAIL.getSmtp().getPort());
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SMTP::port);
    }

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;
    protected EventPublisher events;
    private final List<String> subscriptions = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();

    @BeforeEach
    void connect() {
        api = new Api(port, MANAGER_KEY, OpenApiContract.of("notification-service"));
        events = EventPublisher.to(INCIDENT_EVENTS);
    }

    @AfterEach
    void cleanUp() {
        for (String id : subscriptions) {
            api.send("DELETE", "/api/v1/subscriptions/" + id, null, java.util.Map.of());
        }
        receivers.forEach(Receiver::close);
        events.close();
    }

    /** A component id no other test uses. */
    protected static String freshComponent(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A webhook receiver on 127.0.0.1, closed after the test. */
    protected Receiver aReceiver() {
        Receiver receiver = Receiver.start();
        receivers.add(receiver);
        return receiver;
    }

    /** Subscribes {@code url} to events touching {@code component}; returns the answer (id and secret). */
    protected tools.jackson.databind.JsonNode subscribeWebhook(String url, String component) {
        return subscribe("{\"channel\":\"webhook\",\"url\":\"" + url + "\",\"components\":[\"" + component + "\"]}");
    }

    /** Creates a subscription from a request body, deleted after the test. */
    protected tools.jackson.databind.JsonNode subscribe(String body) {
        tools.jackson.databind.JsonNode created = api.post("/api/v1/subscriptions", body).expect(201).json();
        subscriptions.add(created.get("id").asString());
        return created;
    }

    protected void publish(SitrepEvent... incidentEvents) {
        events.publish(incidentEvents);
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    protected String deliveryStatus(String subscriptionId, UUID eventId) {
        return jdbc.sql("SELECT status FROM deliveries WHERE subscription_id = ?::uuid AND event_id = ?")
                .params(subscriptionId, eventId).query(String.class).optional().orElse(null);
    }

    /** Waits until at least {@code count} mails to {@code address} have arrived; returns them, oldest first. */
    protected static List<MimeMessage> awaitMail(String address, int count) {
        await().atMost(TIMEOUT).until(() -> received(address).size() >= count);
        return received(address);
    }

    /** The mails to {@code address} received so far, oldest first. */
    protected static List<MimeMessage> received(String address) {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                Address[] to = message.getAllRecipients();
                if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address))) {
                    mine.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mine;
    }
}
