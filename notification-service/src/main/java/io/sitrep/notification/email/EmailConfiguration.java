package io.sitrep.notification.email;

import io.sitrep.notification.secret.SecretCipher;
import io.sitrep.notification.notice.PageSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/** Wires email rendering, links and sending. */
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
}
