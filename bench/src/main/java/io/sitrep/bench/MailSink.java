package io.sitrep.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server on loopback that accepts every message. Mail to {@code bench-<n>@…} carrying a token is
 * recorded with its run as received by mailbox n (the token is read from the decoded plain text); any other mail (confirmation requests) is kept for
 * {@link #take(String)}.
 */
final class MailSink implements AutoCloseable {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern MAILBOX = Pattern.compile("<bench-(\\d+)@", Pattern.CASE_INSENSITIVE);

    /** A message as received: its first recipient and its plain text. */
    record Mail(String to, String text) {
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Mail> other = new ArrayList<>();
    private final AtomicLong messages = new AtomicLong();

    MailSink() {
        try {
            server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    long messages() {
        return messages.get();
    }

    /** Removes and returns the first kept mail to {@code address}, or null when there is none yet. */
    synchronized Mail take(String address) {
        for (int i = 0; i < other.size(); i++) {
            if (other.get(i).to().equalsIgnoreCase(address)) {
                return other.remove(i);
            }
        }
        return null;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 bench ESMTP");
            String to = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 bench");
                    case "MAIL" -> {
                        to = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        if (to == null) {
                            to = line.substring(line.indexOf(':') + 1).trim();
                        }
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        StringBuilder text = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            text.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                        }
                        received(to, text);
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to record.
        }
    }

    private void received(String to, StringBuilder raw) {
        long at = Stamp.now();
        messages.incrementAndGet();
        String text = plainText(raw.toString());
        Matcher mailbox = MAILBOX.matcher(to == null ? "" : to);
        Stamp.Token token = Stamp.find(text);
        Run run = Run.of(token);
        if (run != null && mailbox.find()) {
            run.receipts(Integer.parseInt(mailbox.group(1))).received(token.seq(), token.intended(), at);
            return;
        }
        String address = to == null ? "" : to.replaceAll("[<>]", "");
        synchronized (this) {
            other.add(new Mail(address, text));
        }
    }

    /** The plain text of a message, its transfer encoding undone; the raw text when it cannot be parsed. */
    static String plainText(String raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
            String text = plainText(message);
            return text == null ? raw : text;
        } catch (MessagingException | IOException e) {
            return raw;
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String text = plainText(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        connections.shutdownNow();
    }
}
