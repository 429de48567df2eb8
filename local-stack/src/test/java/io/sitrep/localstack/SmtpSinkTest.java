package io.sitrep.localstack;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SmtpSinkTest {

    private static final String CONFIRM = "http://localhost:8082/api/v1/subscriptions/confirm?token=a.b=c";

    private int smtpPort;
    private int inboxPort;
    private SmtpSink sink;

    @BeforeEach
    void start() {
        smtpPort = FreePorts.one();
        inboxPort = FreePorts.one();
        sink = SmtpSink.start(smtpPort, inboxPort);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    /** Issue 15: the local inbox showed raw MIME (boundaries, quoted-printable) instead of the mail a subscriber reads. */
    @Test
    @SuppressWarnings("unchecked")
    void inboxShowsEachMailsTextHtmlHeadersAndLinksRatherThanRawMime() throws Exception {
        send("Sitrep: Confirm your subscription", "Confirm: " + CONFIRM + "\nThanks.",
                "<p>Confirm: <a href=\"" + CONFIRM.replace("&", "&amp;") + "\">confirm</a></p><script>alert(1)</script>");
        await().until(() -> !sink.received().isEmpty());

        Map<String, Object> mail = sink.received().get(0);
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inboxPort + "/")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(mail.get("subject")).isEqualTo("Sitrep: Confirm your subscription");
        assertThat((String) mail.get("text")).contains(CONFIRM).doesNotContain("=3D");
        assertThat((String) mail.get("html")).contains("<a href=");
        assertThat((List<Object>) mail.get("links")).containsExactly(CONFIRM);
        assertThat((Map<Object, Object>) mail.get("headers")).containsEntry("Auto-Submitted", "auto-generated").containsKey("List-Id");
        assertThat(page.body())
                .contains("<h2>Sitrep: Confirm your subscription</h2>")
                .contains("<dt>Auto-Submitted</dt><dd>auto-generated</dd>")
                .contains("<iframe sandbox ")
                .contains("<pre>Confirm: " + CONFIRM.replace("&", "&amp;"))
                .contains("<a href=\"" + CONFIRM + "\">")
                .doesNotContain("Content-Transfer-Encoding")
                .doesNotContain("------=_Part")
                .doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    }

    private void send(String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("status@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("reader@example.com"));
        message.setSubject(subject);
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("List-Id", "Sitrep <status.example.com>");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        textPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", textPart, htmlPart);
        message.setContent(alternative);
        Transport.send(message);
    }
}
