package io.sitrep.notification.email;

import io.sitrep.notification.template.LinkPages;
import io.sitrep.notification.subscription.EmailLinks;

import io.sitrep.notification.secret.SecretCipher;
import io.sitrep.notification.notice.PageSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.sitrep.notification.webhook.WebhookPayload;

import jakarta.mail.util.StreamProvider;

import java.time.Clock;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires email rendering, links, sending and the email channel, with its pool and its SMTP sessions (ended after the
 * dispatcher stopped: the channel depends on both, the dispatcher's lifecycle phase stops it first).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EmailSettings.class, PublicUrlSettings.class})
class EmailConfiguration {

    @Bean
    EmailLinks emailLinks(SecretCipher cipher) {
        return new EmailLinks(cipher);
    }

    @Bean
    LinkPages linkPages() {
        return new LinkPages();
    }

    @Bean
    EmailRenderer emailRenderer(EmailSettings settings, PageSettings page) {
        return new EmailRenderer(settings.timeZone(), page);
    }

    /**
     * The SMTP sessions, to the server of {@code spring.mail.*}: the mail session, host, port and credentials of Spring
     * Boot's mail sender, whose own {@code send} opens a connection per message. Closed at shutdown.
     */
    @Bean(destroyMethod = "close")
    SmtpSessions smtpSessions(JavaMailSenderImpl mail, EmailSettings settings) {
        nameStreamProvider();
        return new SmtpSessions(mail.getSession(), () -> {
            // As Spring's sender connects: an empty user name means no authentication.
            String username = mail.getUsername();
            String password = mail.getPassword();
            if ("".equals(username)) {
                username = null;
                password = "".equals(password) ? null : password;
            }
            jakarta.mail.Transport transport = mail.getProtocol() == null
                    ? mail.getSession().getTransport() : mail.getSession().getTransport(mail.getProtocol());
            transport.connect(mail.getHost(), mail.getPort(), username, password);
            return transport;
        }, settings.messagesPerSession(), settings.sessionIdleTimeout());
    }

    /**
     * Names Jakarta Mail's stream provider in the system property it reads first: without it, Jakarta Mail looks the
     * provider up with a ServiceLoader, reading the class path's service files, for every body part it makes and every
     * part and header it encodes, several times per email (a fifth of the CPU an email cost). The provider named is the
     * one that lookup finds; a provider named already is left alone.
     */
    static void nameStreamProvider() {
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null) {
            ServiceLoader.load(StreamProvider.class, StreamProvider.class.getClassLoader()).findFirst()
                    .ifPresent(provider -> System.setProperty(property, provider.getClass().getName()));
        }
    }

    @Bean
    EmailSender emailSender(SmtpSessions smtpSessions, EmailRenderer renderer, EmailLinks links, EmailSettings settings,
                            PublicUrlSettings urls, Clock clock) {
        return new EmailSender(smtpSessions, renderer, links, settings, urls, clock);
    }

    /** The mail pool: as many threads as SMTP sessions at once. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService deliveryMailExecutor(EmailSettings settings) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "delivery-mail-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    PreparedEmails preparedEmails(WebhookPayload payloads, EmailRenderer renderer) {
        return new PreparedEmails(payloads, renderer);
    }

    @Bean
    EmailChannel emailChannel(EmailSender sender, PreparedEmails preparedEmails, ExecutorService deliveryMailExecutor) {
        return new EmailChannel(sender, preparedEmails, deliveryMailExecutor);
    }
}
