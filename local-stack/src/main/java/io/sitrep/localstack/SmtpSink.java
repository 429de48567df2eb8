package io.sitrep.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server on loopback that keeps every mail it receives, and an inbox to read them over HTTP:
 * {@code GET /messages} as JSON, {@code GET /} as a page that shows each mail as a reader would see it (subject, headers, the
 * text part, the HTML part rendered, the links), not as raw MIME.
 */
final class SmtpSink implements AutoCloseable {

    /** The headers a reader of the inbox checks: who sent it, threading, and the list and unsubscribe headers. */
    private static final List<String> SHOWN_HEADERS = List.of("Date", "Message-ID", "Auto-Submitted", "List-Id",
            "List-Unsubscribe", "List-Unsubscribe-Post", "Reply-To");

    /** A link in a mail, as a reader would click it. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>)]+");

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

    /** Every mail received so far, oldest first, each with its headers, text part, HTML part and links. */
    List<Map<String, Object>> received() {
        List<Map<String, Object>> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Parts parts = new Parts();
                parts.collect(message);
                Map<String, Object> mail = new LinkedHashMap<>();
                mail.put("from", addresses(message.getFrom()));
                mail.put("to", addresses(message.getAllRecipients()));
                mail.put("subject", message.getSubject());
                mail.put("receivedAt", message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant().toString());
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : SHOWN_HEADERS) {
                    String value = message.getHeader(name, ",");
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                mail.put("headers", headers);
                mail.put("contentType", message.getContentType());
                mail.put("text", parts.text);
                mail.put("html", parts.html);
                mail.put("body", parts.text != null ? parts.text : GreenMailUtil.getBody(message));
                mail.put("links", links(parts));
                mails.add(mail);
            } catch (MessagingException | IOException e) {
                mails.add(Map.of("error", String.valueOf(e.getMessage())));
            }
        }
        return mails;
    }

    /** The first text/plain and the first text/html part of a message, decoded, wherever they sit in its MIME tree. */
    private static final class Parts {
        private String text;
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain") && text == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }
    }

    private static List<String> links(Parts parts) {
        Set<String> links = new LinkedHashSet<>();
        for (String content : new String[] {parts.text, parts.html}) {
            if (content != null) {
                Matcher matcher = LINK.matcher(content);
                while (matcher.find()) {
                    links.add(matcher.group().replace("&amp;", "&"));
                }
            }
        }
        return List.copyOf(links);
    }

    private void messages(HttpExchange exchange) throws IOException {
        respond(exchange, "application/json", json.writeValueAsBytes(received()));
    }

    /**
     * The inbox as a page, newest first: each mail's subject, sender, recipients, headers, text part, links, and its HTML part
     * rendered in a sandboxed frame (no scripts, no forms, no navigation of the inbox).
     */
    private void page(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sitrep local inbox</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
                article{border-bottom:1px solid #ccc;padding:1rem 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}
                iframe{width:100%;height:28rem;border:1px solid #ccc}dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem}
                dt{font-weight:600}dd{margin:0;word-break:break-all}</style>
                </head><body><main><h1>Local inbox</h1><p>Mail sent to the local SMTP sink; newest first. As JSON: <a href="/messages">/messages</a>.</p>
                """);
        List<Map<String, Object>> mails = received();
        for (int i = mails.size() - 1; i >= 0; i--) {
            appendMail(html, mails.get(i));
        }
        if (mails.isEmpty()) {
            html.append("<p>No mail yet.</p>");
        }
        html.append("</main></body></html>");
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'none'");
        respond(exchange, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static void appendMail(StringBuilder html, Map<String, Object> mail) {
        if (mail.containsKey("error")) {
            html.append("<article><h2>Unreadable mail</h2><p>").append(escape(mail.get("error"))).append("</p></article>");
            return;
        }
        html.append("<article><h2>").append(escape(mail.get("subject"))).append("</h2><dl>")
                .append("<dt>From</dt><dd>").append(escape(String.join(", ", (List<String>) mail.get("from")))).append("</dd>")
                .append("<dt>To</dt><dd>").append(escape(String.join(", ", (List<String>) mail.get("to")))).append("</dd>")
                .append("<dt>Received</dt><dd>").append(escape(mail.get("receivedAt"))).append("</dd>");
        ((Map<String, String>) mail.get("headers")).forEach((name, value) ->
                html.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd>"));
        html.append("</dl>");
        if (mail.get("html") != null) {
            html.append("<h3>HTML</h3><iframe sandbox title=\"HTML part of ").append(escape(mail.get("subject")))
                    .append("\" srcdoc=\"").append(escape(mail.get("html"))).append("\"></iframe>");
        }
        if (mail.get("text") != null) {
            html.append("<h3>Text</h3><pre>").append(escape(mail.get("text"))).append("</pre>");
        }
        List<String> links = (List<String>) mail.get("links");
        if (!links.isEmpty()) {
            html.append("<h3>Links</h3><ul>");
            for (String link : links) {
                html.append("<li><a href=\"").append(escape(link)).append("\">").append(escape(link)).append("</a></li>");
            }
            html.append("</ul>");
        }
        html.append("</article>");
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
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        inbox.stop(0);
        smtp.stop();
    }
}
