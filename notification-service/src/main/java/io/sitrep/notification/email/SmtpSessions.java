package io.sitrep.notification.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Connected SMTP sessions, each reused for several messages, one message at a time: a session carries at most
 * {@code messagesPerSession} messages and is closed once idle for {@code idleTimeout}, so the SMTP server's own idle
 * timeout never finds it first. A session whose message failed is closed, never reused: the failure is that attempt's,
 * retried as any other, and the next message goes over a fresh connection. There are never more sessions than callers
 * at once (the mail pool's threads).
 */
public final class SmtpSessions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpSessions.class);

    /** Opens a connected SMTP transport. */
    @FunctionalInterface
    public interface Connector {
        Transport connect() throws MessagingException;
    }

    /** A connected session, idle or carrying a message. */
    private static final class Pooled {
        final Transport transport;
        int sent;
        long idleSince;

        Pooled(Transport transport) {
            this.transport = transport;
        }
    }

    private final Session session;
    private final Connector connector;
    private final int messagesPerSession;
    private final long idleTimeoutNanos;
    private final LongSupplier nanoTime;
    /** The idle sessions, most recently used first: a surplus of sessions after a burst goes idle at the tail and is closed. */
    private final Deque<Pooled> idle = new ArrayDeque<>();
    private final ScheduledExecutorService closer;
    private boolean closed;

    public SmtpSessions(Session session, Connector connector, int messagesPerSession, Duration idleTimeout) {
        this(session, connector, messagesPerSession, idleTimeout, System::nanoTime);
    }

    SmtpSessions(Session session, Connector connector, int messagesPerSession, Duration idleTimeout, LongSupplier nanoTime) {
        if (messagesPerSession < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("at least one message per session, and a positive idle timeout");
        }
        this.session = session;
        this.connector = connector;
        this.messagesPerSession = messagesPerSession;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.nanoTime = nanoTime;
        this.closer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smtp-session-closer");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, idleTimeout.toMillis() / 2);
        closer.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
    }

    /** The mail session messages are made in. */
    public Session session() {
        return session;
    }

    /** A new message of the mail session, to be filled and then {@link #send sent}. */
    public MimeMessage newMessage() {
        return new MimeMessage(session);
    }

    /**
     * Sends the message over an idle session, or a new one when none is idle; blocks until the server accepted or
     * refused it.
     *
     * @throws MessagingException when the session could not be opened, or the server did not accept the message
     */
    public void send(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        // Saving the changes gives the message a new Message-ID: the one it was given is the delivery's, kept on every attempt.
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        Address[] recipients = message.getAllRecipients();
        if (recipients == null || recipients.length == 0) {
            throw new MessagingException("the message has no recipient");
        }
        Pooled pooled = acquire();
        try {
            pooled.transport.sendMessage(message, recipients);
        } catch (MessagingException | RuntimeException e) {
            close(pooled);
            throw e;
        }
        pooled.sent++;
        release(pooled);
    }

    /** Closes every idle session; those carrying a message are closed when it has been sent. */
    @Override
    public void close() {
        List<Pooled> closing;
        synchronized (this) {
            closed = true;
            closing = new ArrayList<>(idle);
            idle.clear();
        }
        closer.shutdownNow();
        closing.forEach(SmtpSessions::close);
    }

    /** How many sessions are idle, connected and waiting for a message. */
    synchronized int idleSessions() {
        return idle.size();
    }

    private Pooled acquire() throws MessagingException {
        List<Pooled> stale = new ArrayList<>();
        Pooled found = null;
        synchronized (this) {
            if (closed) {
                throw new MessagingException("the SMTP sessions are closed: the service is stopping");
            }
            long now = nanoTime.getAsLong();
            while (found == null && !idle.isEmpty()) {
                Pooled candidate = idle.pollFirst();
                if (now - candidate.idleSince >= idleTimeoutNanos) {
                    stale.add(candidate);
                } else {
                    found = candidate;
                }
            }
        }
        stale.forEach(SmtpSessions::close);
        return found != null ? found : new Pooled(connector.connect());
    }

    private void release(Pooled pooled) {
        if (pooled.sent >= messagesPerSession) {
            close(pooled);
            return;
        }
        synchronized (this) {
            if (!closed) {
                pooled.idleSince = nanoTime.getAsLong();
                idle.addFirst(pooled);
                return;
            }
        }
        close(pooled);
    }

    /** Closes the sessions idle for the idle timeout; they are the oldest, at the tail. */
    private void closeIdle() {
        List<Pooled> stale = new ArrayList<>();
        synchronized (this) {
            long now = nanoTime.getAsLong();
            while (!idle.isEmpty() && now - idle.peekLast().idleSince >= idleTimeoutNanos) {
                stale.add(idle.pollLast());
            }
        }
        stale.forEach(SmtpSessions::close);
    }

    private static void close(Pooled pooled) {
        try {
            pooled.transport.close();
        } catch (MessagingException | RuntimeException e) {
            // The connection is gone either way; the server's answer to QUIT does not matter.
            log.debug("Closing an SMTP session failed: {}", e.getClass().getSimpleName());
        }
    }
}
