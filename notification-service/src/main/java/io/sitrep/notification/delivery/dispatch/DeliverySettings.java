package io.sitrep.notification.delivery.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * How deliveries are sent, retried and given up on.
 *
 * @param enabled               whether this instance runs a dispatcher (any number of instances may)
 * @param retrySchedule         the delay before each attempt, counted from the attempt before; as many attempts as entries
 * @param jitter                the random spread of each delay, as a fraction (0.1 = ± 10 %)
 * @param maxRetryAfter         the longest Retry-After a receiver can impose on the next attempt
 * @param pollInterval          how often the dispatcher looks for due deliveries when nothing wakes it
 * @param batchSize             the most deliveries claimed at once
 * @param claimInterval         the shortest time between two claims: slots that free up meanwhile are filled by one claim
 * @param maxInFlight           the most attempts in flight in this instance, over all endpoints
 * @param lease                 how long a claimed delivery is held before another dispatcher may take it over; longer than any attempt
 * @param endpointConcurrency   the most attempts in flight to one webhook endpoint (its bulkhead)
 * @param threads               threads that record the outcomes of attempts (webhook targets are checked by the sender, at connection time)
 * @param failingAfter          failed attempts in a row to one subscription after which delivery.failing is published
 * @param disableAfter          how long a subscription may fail without a single success before it is disabled
 * @param autoRedriveWindow     when a failing subscription succeeds again, its dead letters of this long back are re-driven
 * @param breaker               the circuit breaker of each receiving host
 * @param handOffCapacity       the most deliveries created born claimed and held for this instance's dispatcher at once, sent without a claim (ADR 0020); 0 turns the hand-off off
 */
@Validated
@ConfigurationProperties("sitrep.notification.delivery")
public record DeliverySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"}) @NotEmpty List<@NotNull Duration> retrySchedule,
        @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("0.5") double jitter,
        @DefaultValue("1h") @NotNull Duration maxRetryAfter,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("5ms") @NotNull Duration claimInterval,
        @DefaultValue("64") @Min(1) @Max(10000) int maxInFlight,
        @DefaultValue("2m") @NotNull Duration lease,
        @DefaultValue("4") @Min(1) @Max(1000) int endpointConcurrency,
        @DefaultValue("4") @Min(1) @Max(64) int threads,
        @DefaultValue("3") @Min(1) int failingAfter,
        @DefaultValue("5d") @NotNull Duration disableAfter,
        @DefaultValue("7d") @NotNull Duration autoRedriveWindow,
        @DefaultValue @Valid @NotNull Breaker breaker,
        @DefaultValue("64") @Min(0) @Max(10000) int handOffCapacity) {

    public DeliverySettings {
        if (claimInterval != null && (claimInterval.isNegative() || claimInterval.compareTo(Duration.ofSeconds(1)) > 0)) {
            throw new IllegalArgumentException("sitrep.notification.delivery.claim-interval must be between 0 and 1s, was " + claimInterval);
        }
        for (Duration d : new Duration[] {pollInterval, lease, disableAfter}) {
            if (d != null && (d.isZero() || d.isNegative())) {
                throw new IllegalArgumentException("sitrep.notification.delivery durations must be positive, was " + d);
            }
        }
    }

    /**
     * The circuit breaker of each receiving host (host and port): while open, deliveries to it wait
     * without spending an attempt.
     *
     * @param failureRateThreshold the percentage of failed attempts among the last window that opens it
     * @param slidingWindow        how many of the last attempts are counted
     * @param minimumCalls         attempts needed before the rate is judged
     * @param openFor              how long it stays open before one trial attempt is let through
     */
    public record Breaker(
            @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
            @DefaultValue("20") @Min(1) int slidingWindow,
            @DefaultValue("5") @Min(1) int minimumCalls,
            @DefaultValue("30s") @NotNull Duration openFor) {
    }
}
