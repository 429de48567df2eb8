package io.sitrep.notification.email;

import io.sitrep.events.EventType;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.secret.SecretCipher;
import io.sitrep.notification.subscription.EmailLinks;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.webhook.WebhookPayload;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: an event's email is rendered once for a whole list; every mail must still be its recipient's own. */
class NotificationMailTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final String BASE = "https://status.example.com";

    /** A transport that keeps every message as it went on the wire. */
    private static final class Wire extends Transport {
        final List<byte[]> sent = new ArrayList<>();

        Wire() {
            super(SESSION, new URLName("smtp://localhost"));
        }

        @Override
        public void sendMessage(Message message, Address[] addresses) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                message.writeTo(out);
                sent.add(out.toByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Wire wire = new Wire();
    private final SmtpSessions sessions = new SmtpSessions(SESSION, () -> wire, 1000, Duration.ofSeconds(10));
    private final EmailLinks links = new EmailLinks(new SecretCipher(new byte[32], new SecureRandom()));
    private final PublicUrlSettings urls = new PublicUrlSettings(URI.create(BASE));
    private final EmailRenderer renderer = new EmailRenderer(ZoneId.of("Europe/Berlin"));
    private final EmailSender sender = new EmailSender(sessions, renderer, links,
            new EmailSettings("notifications@status.example.com", Duration.ofDays(7), 8, 100, Duration.ofSeconds(10), 3,
                    ZoneId.of("Europe/Berlin"), ""),
            urls, Clock.fixed(NOW, ZoneOffset.UTC));
    private final WebhookPayload payloads = new WebhookPayload(new EventCodec());
    private final PreparedEmails prepared = new PreparedEmails(payloads, renderer);

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void eachRecipientOfOneRenderedEmailGetsItsOwnLinksInItsHeadersAndBothParts() throws Exception {
        SitrepEvent event = new EventCodec().decode("incident.updated", GoldenSamples.sample(EventType.INCIDENT_UPDATED));
        PreparedEmail once = renderer.prepareNotification(event, true);
        SubscriptionId alice = new SubscriptionId(UUID.randomUUID());
        SubscriptionId bob = new SubscriptionId(UUID.randomUUID());
        UUID toAlice = UUID.randomUUID();
        UUID toBob = UUID.randomUUID();

        AttemptResult first = sender.sendNotification(toAlice, "0af7651916cd43dd8448eb211c80319c", alice, "alice@example.com", once);
        AttemptResult second = sender.sendNotification(toBob, null, bob, "bob@example.com", once);

        assertThat(first.verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
        assertThat(second.verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
        MimeMessage a = parse(wire.sent.get(0));
        MimeMessage b = parse(wire.sent.get(1));
        assertOwnMail(a, toAlice, alice, bob, event);
        assertOwnMail(b, toBob, bob, alice, event);
        assertThat(a.getHeader("X-Sitrep-Trace-Id")).containsExactly("0af7651916cd43dd8448eb211c80319c");
        assertThat(b.getHeader("X-Sitrep-Trace-Id")).isNull();
    }

    /**
     * The files are the mails as this sender wrote them before an event's email was rendered once for all its recipients
     * (and before the message was built without Spring's helper, and encoded once for all its recipients): parsed back by
     * Jakarta Mail, a mail has the same headers and the same texts. Only the date and the part boundary differ per mail,
     * and the quoted-printable part's soft line breaks, which no reader sees.
     */
    @Test
    void aNotificationParsesBackToTheHeadersAndTextsItHadBeforeItWasEncodedOnceForAllRecipients() throws Exception {
        for (EventType type : List.of(EventType.INCIDENT_UPDATED, EventType.MAINTENANCE_UPDATED)) {
            SitrepEvent event = new EventCodec().decode(type.wireName(), GoldenSamples.sample(type));
            byte[] body = payloads.body(event);

            sender.sendNotification(UUID.fromString("6d0c4f5e-1b2a-4c3d-9e8f-0a1b2c3d4e5f"), "0af7651916cd43dd8448eb211c80319c",
                    new SubscriptionId(UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301")), "Ada Lovelace <ada@example.com>",
                    prepared.of(body));

            byte[] before;
            try (var in = getClass().getResourceAsStream("/email/" + type.wireName() + ".eml")) {
                before = in.readAllBytes();
            }
            byte[] now = wire.sent.get(wire.sent.size() - 1);
            assertThat(headerBlock(now)).as(type.wireName()).isEqualTo(headerBlock(before));
            MimeMessage old = parse(before);
            MimeMessage mail = parse(now);
            assertThat(mail.getSubject()).isEqualTo(old.getSubject());
            for (int i = 0; i < 2; i++) {
                MimeMultipart oldParts = (MimeMultipart) old.getContent();
                MimeMultipart parts = (MimeMultipart) mail.getContent();
                assertThat(parts.getCount()).isEqualTo(oldParts.getCount()).isEqualTo(2);
                assertThat(parts.getBodyPart(i).getContentType()).isEqualTo(oldParts.getBodyPart(i).getContentType());
                assertThat(parts.getBodyPart(i).getHeader("Content-Transfer-Encoding"))
                        .containsExactly(oldParts.getBodyPart(i).getHeader("Content-Transfer-Encoding"));
                assertThat(part(mail, i)).as(type.wireName() + " part " + i).isEqualTo(part(old, i));
            }
        }
    }

    @Test
    void aMailFromTheEmailRenderedOnceIsTheMailRenderedForItsRecipientAlone() throws Exception {
        SitrepEvent event = new EventCodec().decode("maintenance.updated", GoldenSamples.sample(EventType.MAINTENANCE_UPDATED));
        SubscriptionId carol = new SubscriptionId(UUID.randomUUID());
        UUID delivery = UUID.randomUUID();

        sender.sendNotification(delivery, null, carol, "carol@example.com", renderer.prepareNotification(event, true));
        sender.sendNotification(delivery, null, carol, "carol@example.com", event);

        MimeMessage once = parse(wire.sent.get(0));
        MimeMessage alone = parse(wire.sent.get(1));
        for (String header : List.of("From", "To", "Subject", "Message-ID", "Auto-Submitted", "List-Id", "List-Unsubscribe",
                "List-Unsubscribe-Post", "X-Sitrep-Delivery-Id", "MIME-Version")) {
            assertThat(once.getHeader(header)).as(header).isNotNull().containsExactly(alone.getHeader(header));
        }
        assertThat(part(once, 0)).isEqualTo(part(alone, 0));
        assertThat(part(once, 1)).isEqualTo(part(alone, 1));
    }

    // Issue 17: Jakarta Mail looked its stream provider up with a ServiceLoader several times per email.
    @Test
    void jakartaMailIsToldWhichStreamProviderToUseAndUsesTheOneItWouldHaveFound() {
        String found = ServiceLoader.load(StreamProvider.class, StreamProvider.class.getClassLoader()).findFirst().orElseThrow()
                .getClass().getName();

        EmailConfiguration.nameStreamProvider();

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(found);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(found);
    }

    private void assertOwnMail(MimeMessage mail, UUID delivery, SubscriptionId own, SubscriptionId other, SitrepEvent event) throws Exception {
        Instant until = NOW.plus(Duration.ofDays(3650));
        String unsubscribe = urls.url(EmailSender.UNSUBSCRIBE_PATH + links.token(EmailLinks.Purpose.UNSUBSCRIBE, own, until));
        String manage = urls.url(EmailSender.MANAGE_PATH + links.token(EmailLinks.Purpose.MANAGE, own, until));
        String othersToken = links.token(EmailLinks.Purpose.UNSUBSCRIBE, other, until);
        RenderedEmail expected = renderer.notification(event, unsubscribe, manage);
        assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("Message-ID")).containsExactly("<" + delivery + "@status.example.com>");
        assertThat(mail.getHeader("X-Sitrep-Delivery-Id")).containsExactly(delivery.toString());
        assertThat(mail.getSubject()).isEqualTo(expected.subject());
        assertThat(part(mail, 0)).isEqualTo(expected.text()).contains(unsubscribe).contains(manage).doesNotContain(othersToken);
        assertThat(part(mail, 1)).isEqualTo(expected.html()).contains(manage).doesNotContain(othersToken);
    }

    /** The mail's headers as text, its date and its part boundary replaced: they differ from one mail to the next. */
    private static String headerBlock(byte[] raw) {
        String mail = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        Matcher boundary = Pattern.compile("boundary=\"([^\"]+)\"").matcher(mail);
        assertThat(boundary.find()).isTrue();
        return mail.substring(0, mail.indexOf("\n\n")).replaceFirst("(?m)^Date: [^\n]*", "Date: (sent)")
                .replace(boundary.group(1), "(boundary)");
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    private static String part(MimeMessage mail, int index) throws Exception {
        // Line breaks are CRLF on the wire, whatever the part's transfer encoding; the bodies are rendered with LF.
        return ((String) ((MimeMultipart) mail.getContent()).getBodyPart(index).getContent()).replace("\r\n", "\n");
    }
}
