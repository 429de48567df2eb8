package io.sitrep.notification;

import io.sitrep.notification.delivery.Endpoints;
import io.sitrep.notification.email.EmailSettings;
import io.sitrep.notification.subscription.SubscriptionLimits;
import io.sitrep.notification.webhook.WebhookSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands settings of one feature to another that may not depend on it: the subscription side and the dispatcher
 * get the values they need as types of their own, so that neither imports the channels.
 */
@Configuration(proxyBeanMethods = false)
class FeatureWiring {

    @Bean
    SubscriptionLimits subscriptionLimits(WebhookSettings webhook, EmailSettings email) {
        return new SubscriptionLimits(webhook.rotationOverlap(), email.confirmationsPerHour());
    }

    @Bean
    Endpoints.SmtpSlots smtpSlots(EmailSettings email) {
        return new Endpoints.SmtpSlots(email.concurrency());
    }
}
