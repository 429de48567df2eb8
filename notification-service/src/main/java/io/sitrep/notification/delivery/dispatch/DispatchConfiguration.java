package io.sitrep.notification.delivery.dispatch;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.DeliveryChannel;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.notification.delivery.Endpoints;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.notification.delivery.RetryPolicy;
import io.sitrep.notification.delivery.RetrySchedule;
import io.sitrep.notification.delivery.application.DeliveryEvents;
import io.sitrep.notification.delivery.application.DeliveryOutcomes;
import io.sitrep.notification.subscription.SubscriptionHealth;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.support.tracing.Traces;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the dispatcher, the per-endpoint isolation, outcome recording and their metrics and health. The outcome
 * pool is a bean that depends on nothing the dispatcher needs, so at shutdown the dispatcher stops first (its
 * lifecycle phase, bounded) and the pool after it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
class DispatchConfiguration {

    @Bean
    DispatchSignal dispatchSignal() {
        return new DispatchSignal();
    }

    /** Closed until a dispatcher opens it; without one (delivery disabled here), the intake leases nothing. */
    @Bean
    HandOff handOff(DeliverySettings settings, DispatchSignal signal, Deliveries deliveries) {
        return new HandOff(settings.handOffCapacity(), signal, deliveries);
    }

    @Bean
    EndpointIsolation endpointIsolation(DeliverySettings settings, Endpoints.SmtpSlots smtpSlots, MeterRegistry registry) {
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
        return new EndpointIsolation(bulkheads, breakers, smtpSlots.value());
    }

    @Bean
    DeliveryOutcomes deliveryOutcomes(Deliveries deliveries, Subscriptions subscriptions, DeliveryEvents events,
                                      HandOff handOff, DeliverySettings settings, Clock clock) {
        DeliveryOutcomes.Policy policy = new DeliveryOutcomes.Policy(
                new RetryPolicy(new RetrySchedule(settings.retrySchedule(), settings.jitter()), settings.maxRetryAfter(),
                        () -> ThreadLocalRandom.current().nextDouble()),
                new SubscriptionHealth.Rules(settings.failingAfter(), settings.disableAfter()), settings.autoRedriveWindow());
        return new DeliveryOutcomes(deliveries, subscriptions, events, handOff, policy, clock);
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry, Deliveries deliveries, Clock clock) {
        return new DeliveryMetrics(registry, deliveries, clock);
    }

    /** Where outcomes are recorded; queued ones still run after the dispatcher stopped, then the pool ends. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService deliveryOutcomeExecutor(DeliverySettings settings) {
        return pool("delivery-outcome", settings.threads());
    }

    @Bean
    @ConditionalOnProperty(name = "sitrep.notification.delivery.enabled", matchIfMissing = true)
    Dispatcher dispatcher(Deliveries deliveries, Subscriptions subscriptions, DeliveryOutcomes outcomes, List<DeliveryChannel> channels,
                          EndpointIsolation isolation, DeliverySettings settings, DispatchSignal signal, HandOff handOff,
                          DeliveryMetrics metrics, ExecutorService deliveryOutcomeExecutor, Traces traces, Clock clock) {
        return new Dispatcher(deliveries, subscriptions, outcomes, channels, isolation, settings, signal, handOff, metrics,
                deliveryOutcomeExecutor, traces, clock);
    }

    @Bean
    DispatcherHealthIndicator dispatcherHealthIndicator(ObjectProvider<Dispatcher> dispatcher, Deliveries deliveries, Clock clock) {
        return new DispatcherHealthIndicator(dispatcher.getIfAvailable(), deliveries, clock);
    }

    /** A pool of daemon threads named {@code name-n}. */
    static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
