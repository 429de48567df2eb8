package io.sitrep.notification.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sitrep.notification.template.Template;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a mail's MIME form is encoded once per email, each recipient's links encoded into it, instead of Jakarta Mail
 * choosing and applying each part's transfer encoding for every mail. Both forms go over SMTP to a real server and are
 * parsed back by Jakarta Mail: the recipient must not be able to tell them apart.
 */
class EncodedEmailTest {

    private static final GreenMail SERVER = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Template TEXT = Template.text("templates/test/mime.txt");
    private static final Template HTML = Template.html("templates/test/mime.html");
    private static final Set<String> LATER = Set.of(PreparedEmail.UNSUBSCRIBE, PreparedEmail.MANAGE);

    private Session session;

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @BeforeEach
    void connect() throws Exception {
        SERVER.purgeEmailFromAllMailboxes();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(SERVER.getSmtp().getPort()));
        session = Session.getInstance(properties);
    }

    /** Bodies of each transfer encoding, with what each must survive. */
    static Stream<String> bodies() {
        return Stream.of(
                // US-ASCII: 7bit; with one line over 998 characters: quoted-printable.
                "Plain words only.\n.A line of its own that starts with a dot\n",
                "Plain words, and a line too long for 7bit:\n" + "x".repeat(1200) + "\n",
                // Mostly US-ASCII: quoted-printable, with "=", a tab, spaces before a line break, a long line, dots after soft breaks.
                "Störung — Dienste in eu-west = langsam\tseit 08:00   \n.Punkt am Zeilenanfang\n" + "ab.".repeat(100) + "\n",
                // Mostly not: base64.
                "障害が発生しています。東京リージョンのサービスが停止しています。復旧作業中です。");
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void anEmailEncodedOnceArrivesAsTheSameMailAsOneJakartaMailEncodedItself(String body) throws Exception {
        String subject = "Sitrep: [Major] " + body.lines().findFirst().orElseThrow();
        Template.Prepared text = TEXT.prepare(Map.of("body", body), LATER);
        Template.Prepared html = HTML.prepare(Map.of("body", body), LATER);
        Map<String, String> links = Map.of(PreparedEmail.UNSUBSCRIBE, "https://status.example.com/api/v1/subscriptions/unsubscribe?token=Aj8lBOBPiUHTmgwDBegsMw&x=1",
                PreparedEmail.MANAGE, "https://status.example.com/api/v1/subscriptions/manage?token=Az8lBOBPiUHTmgwDBegsMwE");
        MimeMessage before = headers(new MimeMessage(session), "before");
        before.setSubject(subject, "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(text.fill(links), "plain"));
        alternative.addBodyPart(part(html.fill(links), "html"));
        before.setContent(alternative);
        MimeMessage after = headers(EncodedEmail.of(subject, text, html).message(session, links), "after");

        try (SmtpSessions sessions = new SmtpSessions(session, () -> {
            Transport transport = session.getTransport("smtp");
            transport.connect();
            return transport;
        }, 10, Duration.ofSeconds(10))) {
            sessions.send(before);
            sessions.send(after);
        }

        MimeMessage old = received("before");
        MimeMessage now = received("after");
        for (String header : List.of("From", "To", "Message-ID", "MIME-Version", "List-Unsubscribe", "List-Unsubscribe-Post")) {
            assertThat(now.getHeader(header)).as(header).isNotNull().containsExactly(old.getHeader(header));
        }
        assertThat(now.getSubject()).isEqualTo(old.getSubject()).isEqualTo(subject);
        assertThat(new ContentType(now.getContentType()).getBaseType()).isEqualTo("multipart/alternative");
        Multipart oldParts = (Multipart) old.getContent();
        Multipart newParts = (Multipart) now.getContent();
        assertThat(newParts.getCount()).isEqualTo(2).isEqualTo(oldParts.getCount());
        for (int i = 0; i < 2; i++) {
            assertThat(newParts.getBodyPart(i).getContentType()).isEqualTo(oldParts.getBodyPart(i).getContentType());
            assertThat(text(newParts.getBodyPart(i).getContent())).as("part %d", i).isEqualTo(text(oldParts.getBodyPart(i).getContent()));
        }
        assertThat(text(newParts.getBodyPart(0).getContent())).contains(links.get(PreparedEmail.MANAGE), "\n.\n", "\n..two dots");
        assertThat(raw(after).lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
        assertThat(quotedPrintableLines(raw(after))).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    }

    /** The headers the sender sets on every mail, the Message-ID naming which of the two this is. */
    private static MimeMessage headers(MimeMessage message, String which) throws Exception {
        message.setFrom(new InternetAddress("notifications@status.example.com", "Störungen", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.com", "Ada Lovelace", "UTF-8"));
        message.setHeader("List-Unsubscribe", "<https://status.example.com/unsubscribe>");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("Message-ID", "<mail@status.example.com>");
        message.setHeader("X-Which", which);
        return message;
    }

    private static MimeBodyPart part(String text, String subtype) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    private static MimeMessage received(String which) throws Exception {
        for (MimeMessage message : SERVER.getReceivedMessages()) {
            if (which.equals(message.getHeader("X-Which", null))) {
                return message;
            }
        }
        throw new AssertionError("no mail " + which);
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The encoded lines of the quoted-printable parts of a raw mail. */
    private static List<String> quotedPrintableLines(String raw) {
        List<String> lines = new java.util.ArrayList<>();
        boolean inPart = false;
        for (String line : raw.lines().toList()) {
            if (line.startsWith("------=_Part")) {
                inPart = false;
            } else if (line.equals("Content-Transfer-Encoding: quoted-printable")) {
                inPart = true;
            } else if (inPart) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A part's text; line breaks are CRLF on the wire whatever the transfer encoding (base64 keeps the text's own LF). */
    private static String text(Object content) {
        return ((String) content).replace("\r\n", "\n");
    }
}
