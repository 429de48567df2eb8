package io.sitrep.notification.delivery.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sitrep.notification.delivery.Deliveries;

import java.time.Clock;
import java.time.Duration;

/**
 * What an operator watches of deliveries: outcomes by channel, attempt latency, the due and dead
 * queues, and the time from an event's publication to its delivery.
 */
public final class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry, Deliveries deliveries, Clock clock) {
        this.registry = registry;
        Gauge.builder("sitrep.deliveries.due", deliveries, d -> d.countDue(clock.instant()))
                .description("Deliveries due now and not yet claimed by a dispatcher").register(registry);
        Gauge.builder("sitrep.deliveries.dead", deliveries, Deliveries::countDead)
                .description("Dead letters: deliveries that used up their retry schedule and wait for a re-drive").register(registry);
    }

    void outcome(String channel, String outcome) {
        Counter.builder("sitrep.deliveries").description("Delivery attempts by channel and what became of the delivery")
                .tag("channel", channel).tag("outcome", outcome).register(registry).increment();
    }

    void deferred(String channel, String reason) {
        Counter.builder("sitrep.deliveries.deferred").description("Deliveries put back without an attempt: endpoint busy or breaker open")
                .tag("channel", channel).tag("reason", reason).register(registry).increment();
    }

    void handedOver(String channel, String result) {
        Counter.builder("sitrep.deliveries.handed_over")
                .description("Deliveries born claimed and handed to this dispatcher in memory, by what became of them: sent without a claim, given back, cancelled")
                .tag("channel", channel).tag("result", result).register(registry).increment();
    }

    void attempt(String channel, Duration took) {
        Timer.builder("sitrep.delivery.attempt.latency").description("How long an attempt took, from its start to the receiver's answer or the error")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry).record(took);
    }

    void endToEnd(String channel, Duration took) {
        Timer.builder("sitrep.delivery.end_to_end").description("Time from an event's publication by incident-service to its delivery")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(2))
                .register(registry).record(took.isNegative() ? Duration.ZERO : took);
    }
}
