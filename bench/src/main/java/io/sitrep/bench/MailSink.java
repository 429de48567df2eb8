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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server on loopback that accepts every message, any number of them per session (a new {@code MAIL} starts the
 * next). Mail to {@code bench-<n>@…} carrying a token is recorded with its run as received by mailbox n (the token is
 * read from the decoded plain text), or only counted per mailbox when the run has a {@link #tally}; any other mail
 * (confirmation requests) is kept for {@link #take(String)}.
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
    /** The kept mails by address, lower case, oldest first. */
    private final Map<String, Deque<Mail>> other = new HashMap<>();
    private final Map<Integer, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();

    /**
     * How many mails of one run each of many mailboxes got, in an int apiece: a list of 50,000 needs no histogram and
     * no receipt per mailbox.
     */
    static final class Tally {
        private final AtomicIntegerArray counts;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong last = new AtomicLong();
        private final AtomicLong elsewhere = new AtomicLong();

        Tally(int mailboxes) {
            counts = new AtomicIntegerArray(mailboxes);
        }

        void received(int mailbox, long at) {
            if (mailbox < 0 || mailbox >= counts.length()) {
                elsewhere.incrementAndGet();
                return;
            }
            counts.incrementAndGet(mailbox);
            received.incrementAndGet();
            first.accumulateAndGet(at, Math::min);
            last.accumulateAndGet(at, Math::max);
        }

        /** Mails received, repeats included. */
        long received() {
            return received.get();
        }

        long first() {
            return first.get();
        }

        long last() {
            return last.get();
        }

        /** How many mailboxes got exactly {@code n} mails of the run. */
        int mailboxesWith(int n) {
            int with = 0;
            for (int i = 0; i < counts.length(); i++) {
                if (counts.get(i) == n) {
                    with++;
                }
            }
            return with;
        }

        /** Mails of the run to a mailbox outside the list. */
        long elsewhere() {
            return elsewhere.get();
        }
    }

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

    /** SMTP sessions (connections) accepted so far. */
    long sessions() {
        return sessions.get();
    }

    /** Counts the run's mails per mailbox {@code bench-<n>@…}, n below {@code mailboxes}, instead of keeping receipts. */
    Tally tally(Run run, int mailboxes) {
        Tally tally = new Tally(mailboxes);
        tallies.put(run.id, tally);
        return tally;
    }

    /** Removes and returns the first kept mail to {@code address}, or null when there is none yet. */
    synchronized Mail take(String address) {
        Deque<Mail> kept = other.get(address.toLowerCase(Locale.ROOT));
        Mail mail = kept == null ? null : kept.pollFirst();
        if (kept != null && kept.isEmpty()) {
            other.remove(address.toLowerCase(Locale.ROOT));
        }
        return mail;
    }

    /** Removes and returns the first kept mail to {@code address}, waiting for one up to {@code timeout}; null if none came. */
    synchronized Mail take(String address, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Mail mail;
        while ((mail = take(address)) == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return mail;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.incrementAndGet();
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

    private void received(String to, StringBuilder data) {
        long at = Stamp.now();
        String raw = data.toString();
        messages.incrementAndGet();
        Matcher mailbox = MAILBOX.matcher(to == null ? "" : to);
        // The token is read from the raw message when it stands there whole (digits and hyphens pass 7bit and
        // quoted-printable unchanged), so the sink, which shares the cores with what it measures, decodes a mail only
        // when it must: a confirmation request kept for the harness, or a token split or encoded by its part.
        Stamp.Token token = wholeToken(raw);
        String text = null;
        if (token == null) {
            text = plainText(raw);
            token = Stamp.find(text);
        }
        Run run = Run.of(token);
        if (run != null && mailbox.find()) {
            Tally tally = tallies.get(run.id);
            if (tally != null) {
                tally.received(Integer.parseInt(mailbox.group(1)), at);
                return;
            }
            run.receipts(Integer.parseInt(mailbox.group(1))).received(token.seq(), token.intended(), at);
            return;
        }
        if (text == null) {
            text = plainText(raw);
        }
        String address = to == null ? "" : to.replaceAll("[<>]", "");
        synchronized (this) {
            other.computeIfAbsent(address.toLowerCase(Locale.ROOT), a -> new ArrayDeque<>()).add(new Mail(address, text));
            notifyAll();
        }
    }

    /**
     * The first token in the raw message that no quoted-printable soft line break cuts short (one ends in {@code =}),
     * or null: then the message is decoded to find it.
     */
    static Stamp.Token wholeToken(String raw) {
        Stamp.Token token = Stamp.find(raw);
        if (token == null) {
            return null;
        }
        String end = Stamp.token(token.run(), token.seq(), token.intended());
        int at = raw.indexOf(end);
        int after = at + end.length();
        return at >= 0 && (after >= raw.length() || raw.charAt(after) != '=') ? token : null;
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
