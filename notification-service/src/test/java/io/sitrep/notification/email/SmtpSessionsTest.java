package io.sitrep.notification.email;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17: one SMTP connection per email capped email throughput; sessions are reused within their limits. */
class SmtpSessionsTest {

    private static final Session SESSION = Session.getInstance(new java.util.Properties());

    /** A transport that records what it carried and whether it was closed, and fails when told to. */
    static final class FakeTransport extends Transport {
        final List<String> carried = new ArrayList<>();
        boolean closed;
        boolean failNext;

        FakeTransport() {
            super(SESSION, new URLName("smtp://localhost"));
        }

        @Override
        public void sendMessage(Message message, Address[] addresses) throws MessagingException {
            if (failNext) {
                failNext = false;
                throw new MessagingException("connection reset");
            }
            carried.add(message.getHeader("Message-ID")[0]);
        }

        @Override
        public synchronized void close() {
            closed = true;
        }
    }

    private final List<FakeTransport> opened = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private SmtpSessions sessions;

    private SmtpSessions sessions(int messagesPerSession, Duration idleTimeout) {
        sessions = new SmtpSessions(SESSION, () -> {
            FakeTransport t = new FakeTransport();
            opened.add(t);
            return t;
        }, messagesPerSession, idleTimeout, now::get);
        return sessions;
    }

    @AfterEach
    void close() {
        if (sessions != null) {
            sessions.close();
        }
    }

    @Test
    void oneSessionCarriesMessagesOneAfterTheOtherUpToItsLimitThenANewOneIsOpened() throws Exception {
        SmtpSessions pool = sessions(3, Duration.ofSeconds(10));

        for (int i = 0; i < 7; i++) {
            pool.send(message(i));
        }

        assertThat(opened).hasSize(3);
        assertThat(opened.get(0).carried).containsExactly("<m0@test>", "<m1@test>", "<m2@test>");
        assertThat(opened.get(0).closed).isTrue();
        assertThat(opened.get(1).carried).hasSize(3);
        assertThat(opened.get(2).carried).containsExactly("<m6@test>");
        assertThat(opened.get(2).closed).isFalse();
    }

    @Test
    void aSessionIdleForTheTimeoutIsClosedAndTheNextMessageGoesOverANewOne() throws Exception {
        SmtpSessions pool = sessions(100, Duration.ofSeconds(10));
        pool.send(message(0));

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        pool.send(message(1));

        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).closed).isTrue();
        assertThat(opened.get(1).carried).containsExactly("<m1@test>");
    }

    @Test
    void aSessionWhoseMessageFailedIsClosedNeverReusedAndTheFailureIsTheCallers() throws Exception {
        SmtpSessions pool = sessions(100, Duration.ofSeconds(10));
        pool.send(message(0));
        opened.get(0).failNext = true;

        assertThatThrownBy(() -> pool.send(message(1))).isInstanceOf(MessagingException.class).hasMessageContaining("reset");
        pool.send(message(2));

        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).closed).isTrue();
        assertThat(opened.get(0).carried).containsExactly("<m0@test>");
        assertThat(opened.get(1).carried).containsExactly("<m2@test>");
        assertThat(pool.idleSessions()).isEqualTo(1);
    }

    @Test
    void closingClosesTheIdleSessionsAndRefusesFurtherMessages() throws Exception {
        SmtpSessions pool = sessions(100, Duration.ofSeconds(10));
        pool.send(message(0));

        pool.close();

        assertThat(opened.get(0).closed).isTrue();
        assertThat(pool.idleSessions()).isZero();
        assertThatThrownBy(() -> pool.send(message(1))).isInstanceOf(MessagingException.class).hasMessageContaining("stopping");
    }

    @Test
    void theMessageKeepsTheMessageIdItWasGivenTheDeliveryId() throws Exception {
        SmtpSessions pool = sessions(100, Duration.ofSeconds(10));
        MimeMessage message = message(42);

        pool.send(message);

        assertThat(message.getMessageID()).isEqualTo("<m42@test>");
        assertThat(message.getSentDate()).isNotNull();
    }

    private MimeMessage message(int n) throws MessagingException {
        MimeMessage message = sessions.newMessage();
        message.setFrom(new InternetAddress("from@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("to@example.com"));
        message.setSubject("n" + n);
        message.setText("body");
        message.setHeader("Message-ID", "<m" + n + "@test>");
        return message;
    }
}
