package io.sitrep.notification.email;

import io.sitrep.notification.template.LinkPages;
import io.sitrep.notification.subscription.EmailLinks;

import io.sitrep.notification.secret.SecretCipher;
import io.sitrep.notification.notice.PageSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import io.sitrep.notification.webhook.WebhookPayload;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires email rendering, links, sending and the email channel, with its pool (ended after the dispatcher stopped). */
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

    @Bean
    EmailSender emailSender(JavaMailSender mail, EmailRenderer renderer, EmailLinks links, EmailSettings settings,
                            PublicUrlSettings urls, Clock clock) {
        return new EmailSender(mail, renderer, links, settings, urls, clock);
    }

    /** The mail pool: as many threads as SMTP connections at once. */
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
    EmailChannel emailChannel(EmailSender sender, WebhookPayload payloads, ExecutorService deliveryMailExecutor) {
        return new EmailChannel(sender, payloads, deliveryMailExecutor);
    }
}
