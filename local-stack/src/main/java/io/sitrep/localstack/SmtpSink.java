package io.sitrep.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SMTP server on loopback that keeps every mail it receives, and an inbox to read them over HTTP:
 * {@code GET /messages} as JSON, {@code GET /} as a page.
 */
final class SmtpSink implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer inbox;
    private final JsonMapper json = JsonMapper.builder().build();

    private SmtpSink(GreenMail smtp, HttpServer inbox) {
        this.smtp = smtp;
        this.inbox = inbox;
    }

    static SmtpSink start(int smtpPort, int inboxPort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        try {
            HttpServer inbox = HttpServer.create(new InetSocketAddress("127.0.0.1", inboxPort), 0);
            SmtpSink sink = new SmtpSink(smtp, inbox);
            inbox.createContext("/messages", sink::messages);
            inbox.createContext("/", sink::page);
            inbox.start();
            return sink;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("could not open the inbox on port " + inboxPort, e);
        }
    }

    /** Every mail received so far, oldest first. */
    List<Map<String, Object>> received() {
        List<Map<String, Object>> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Map<String, Object> mail = new LinkedHashMap<>();
                mail.put("from", addresses(message.getFrom()));
                mail.put("to", addresses(message.getAllRecipients()));
                mail.put("subject", message.getSubject());
                mail.put("receivedAt", message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant().toString());
                mail.put("headers", Map.of(
                        "List-Unsubscribe", String.valueOf(message.getHeader("List-Unsubscribe", ",")),
                        "List-Unsubscribe-Post", String.valueOf(message.getHeader("List-Unsubscribe-Post", ","))));
                mail.put("body", GreenMailUtil.getBody(message));
                mails.add(mail);
            } catch (MessagingException e) {
                mails.add(Map.of("error", String.valueOf(e.getMessage())));
            }
        }
        return mails;
    }

    private void messages(HttpExchange exchange) throws IOException {
        respond(exchange, "application/json", json.writeValueAsBytes(received()));
    }

    private void page(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sitrep local inbox</title>
                <style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
                article{border-bottom:1px solid #ccc;padding:1rem 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}</style>
                </head><body><main><h1>Local inbox</h1><p>Mail sent to the local SMTP sink; newest first. As JSON: <a href="/messages">/messages</a>.</p>
                """);
        List<Map<String, Object>> mails = received();
        for (int i = mails.size() - 1; i >= 0; i--) {
            Map<String, Object> mail = mails.get(i);
            html.append("<article><h2>").append(escape(mail.get("subject"))).append("</h2><p>To ")
                    .append(escape(mail.get("to"))).append(", ").append(escape(mail.get("receivedAt")))
                    .append("</p><pre>").append(escape(mail.get("body"))).append("</pre></article>");
        }
        if (mails.isEmpty()) {
            html.append("<p>No mail yet.</p>");
        }
        html.append("</main></body></html>");
        respond(exchange, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String escape(Object value) {
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        inbox.stop(0);
        smtp.stop();
    }
}
