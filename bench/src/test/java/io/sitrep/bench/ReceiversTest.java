package io.sitrep.bench;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReceiversTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aWebhookReceiverRecordsTheTokenItIsSentAndRefusesWhileFailing() throws Exception {
        Run run = Run.start("test", 10);
        try (WebhookReceiver receiver = new WebhookReceiver(3, "127.0.0.1")) {
            assertThat(post(receiver, "{\"data\":{\"update\":{\"message\":\"" + run.token(4, Stamp.now()) + " ok\"}}}")).isEqualTo(200);
            receiver.mode(WebhookReceiver.Mode.FAIL);
            assertThat(post(receiver, "{\"message\":\"" + run.token(5, Stamp.now()) + "\"}")).isEqualTo(503);
            receiver.mode(WebhookReceiver.Mode.OK);
            assertThat(post(receiver, "{\"message\":\"" + run.token(4, Stamp.now()) + "\"}")).isEqualTo(200);
        }

        Run.Receipts receipts = run.receipts(3);
        assertThat(receipts.has(4)).isTrue();
        assertThat(receipts.has(5)).isFalse();
        assertThat(receipts.distinct()).isEqualTo(1);
        assertThat(receipts.repeats()).isEqualTo(1);
        assertThat(receipts.latency().count()).isEqualTo(1);
    }

    @Test
    void aWebhookReceiverTellsTheWebhookIdOfEachMessageOfARun() throws Exception {
        Run run = Run.start("test", 10);
        java.util.Map<String, Long> seqOf = new java.util.concurrent.ConcurrentHashMap<>();
        try (WebhookReceiver receiver = new WebhookReceiver(1, "127.0.0.1")) {
            receiver.onDelivery((webhookId, token) -> seqOf.put(webhookId, token.seq()));

            HTTP.send(HttpRequest.newBuilder(URI.create(receiver.url())).header("webhook-id", "msg_7")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + run.token(7, Stamp.now()) + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        assertThat(seqOf).containsExactly(java.util.Map.entry("msg_7", 7L));
    }

    @Test
    void theMailSinkReadsTheTokenFromQuotedPrintableTextAndKeepsOtherMail() throws Exception {
        Run run = Run.start("test", 10);
        try (MailSink sink = new MailSink()) {
            Session session = Session.getInstance(smtp(sink.port()));
            send(session, "bench-2@example.com", run.token(6, Stamp.now()) + " Caf\u00e9 service is degraded; "
                    + "a long line that quoted-printable encoding has to break somewhere along its way to the reader.");
            send(session, "someone@example.com", "Confirm: http://localhost:8082/api/v1/subscriptions/confirm?token=abc=def");

            await().atMost(Duration.ofSeconds(10)).until(() -> sink.messages() == 2);
            assertThat(run.receipts(2).has(6)).isTrue();
            MailSink.Mail kept = sink.take("someone@example.com");
            assertThat(kept.text()).contains("confirm?token=abc=def");
            assertThat(sink.take("someone@example.com")).isNull();
        }
    }

    // Issue 17: notification-service now sends many mails over one SMTP session; the sink must take them all and count per mailbox.
    @Test
    void theMailSinkTakesSeveralMessagesOverOneSessionAndTalliesThemPerMailbox() throws Exception {
        Run run = Run.start("test", 1);
        try (MailSink sink = new MailSink()) {
            MailSink.Tally tally = sink.tally(run, 3);
            Session session = Session.getInstance(smtp(sink.port()));

            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (String to : new String[] {"bench-0@list.example.com", "bench-1@list.example.com", "bench-1@list.example.com",
                        "bench-7@list.example.com"}) {
                    MimeMessage message = message(session, to, run.token(0, Stamp.now()) + " One update to the whole list.");
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> sink.messages() == 4);
            assertThat(sink.sessions()).isEqualTo(1);
            assertThat(tally.received()).isEqualTo(3);
            assertThat(tally.mailboxesWith(1)).isEqualTo(1);
            assertThat(tally.mailboxesWith(2)).isEqualTo(1);
            assertThat(tally.mailboxesWith(0)).isEqualTo(1);
            assertThat(tally.elsewhere()).isEqualTo(1);
            assertThat(run.receipts(0).distinct()).isZero();
        }
    }

    private static int post(WebhookReceiver receiver, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(receiver.url())).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Properties smtp(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        return properties;
    }

    private static void send(Session session, String to, String text) throws Exception {
        Transport.send(message(session, to, text));
    }

    private static MimeMessage message(Session session, String to, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sitrep@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Bench");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>" + text + "</p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        message.setContent(alternative);
        return message;
    }
}
