package io.sitrep.notification.delivery.dispatch;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.notification.delivery.RetrySchedule;
import io.sitrep.notification.delivery.application.DeliveryEvents;
import io.sitrep.notification.delivery.application.DeliveryOutcomes;
import io.sitrep.notification.delivery.persistence.JdbcDeliveries;
import io.sitrep.notification.email.EmailSender;
import io.sitrep.notification.email.EmailSettings;
import io.sitrep.notification.subscription.persistence.JdbcSubscriptions;
import io.sitrep.notification.webhook.StatuspagePayload;
import io.sitrep.notification.webhook.WebhookPayload;
import io.sitrep.notification.chat.ChatMessages;
import io.sitrep.notification.webhook.WebhookSender;
import io.sitrep.support.tracing.Traces;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the dispatcher, the per-endpoint isolation, outcome recording and their metrics and health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
class DispatchConfiguration {

    @Bean
    DispatchSignal dispatchSignal() {
        return new DispatchSignal();
    }

    @Bean
    EndpointIsolation endpointIsolation(DeliverySettings settings, EmailSettings email, MeterRegistry registry) {
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.endpointConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .build());
        DeliverySettings.Breaker breaker = settings.breaker();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openFor())
                // Claims skip hosts whose breaker is open, so no attempt would ever ask it to half-open: it does so itself.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        return new EndpointIsolation(bulkheads, breakers, email.concurrency());
    }

    @Bean
    DeliveryOutcomes deliveryOutcomes(JdbcDeliveries deliveries, JdbcSubscriptions subscriptions, DeliveryEvents events,
                                      DeliverySettings settings, Clock clock) {
        DeliveryOutcomes.Policy policy = new DeliveryOutcomes.Policy(new RetrySchedule(settings.retrySchedule(), settings.jitter()),
                settings.maxRetryAfter(), settings.failingAfter(), settings.disableAfter(), settings.autoRedriveWindow());
        return new DeliveryOutcomes(deliveries, subscriptions, events, policy, () -> ThreadLocalRandom.current().nextDouble(), clock);
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry, JdbcDeliveries deliveries, Clock clock) {
        return new DeliveryMetrics(registry, deliveries, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "sitrep.notification.delivery.enabled", matchIfMissing = true)
    Dispatcher dispatcher(JdbcDeliveries deliveries, JdbcSubscriptions subscriptions, DeliveryOutcomes outcomes, WebhookSender webhooks,
                          WebhookPayload payloads, StatuspagePayload statuspage, ChatMessages chat, EmailSender email,
                          EndpointIsolation isolation, DeliverySettings settings, EmailSettings emailSettings, DispatchSignal signal,
                          DeliveryMetrics metrics, Traces traces, Clock clock) {
        return new Dispatcher(deliveries, subscriptions, outcomes, webhooks, payloads, new HttpRequests(payloads, statuspage, chat), email,
                isolation, settings, signal, metrics,
                pool("delivery-outcome", settings.threads()), pool("delivery-mail", emailSettings.concurrency()), traces, clock);
    }

    @Bean
    DispatcherHealthIndicator dispatcherHealthIndicator(ObjectProvider<Dispatcher> dispatcher, JdbcDeliveries deliveries, Clock clock) {
        return new DispatcherHealthIndicator(dispatcher.getIfAvailable(), deliveries, clock);
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
