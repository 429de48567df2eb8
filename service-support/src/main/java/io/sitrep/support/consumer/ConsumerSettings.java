package io.sitrep.support.consumer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the batch consumers of a service retry a poll the database did not take.
 *
 * @param backoff the pauses between redeliveries of a poll while the database fails
 */
@Validated
@ConfigurationProperties("sitrep.consumer")
public record ConsumerSettings(@DefaultValue @Valid @NotNull Backoff backoff) {

    /**
     * An exponential backoff; the consumer's container is paused for each pause, never its thread put to sleep.
     *
     * @param initial    the first pause after a failure
     * @param multiplier each further pause is the previous one times this
     * @param max        the longest pause; the pauses go on for as long as the database fails (a failing database is
     *                   no record's fault, so none is parked or dead-lettered for it)
     */
    public record Backoff(
            @DefaultValue("200ms") @NotNull Duration initial,
            @DefaultValue("2.0") @DecimalMin("1.0") @DecimalMax("10.0") double multiplier,
            @DefaultValue("10s") @NotNull Duration max) {

        public Backoff {
            for (Duration d : new Duration[] {initial, max}) {
                if (d != null && (d.isZero() || d.isNegative())) {
                    throw new IllegalArgumentException("sitrep.consumer.backoff durations must be positive, was " + d);
                }
            }
            if (initial != null && max != null && max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("sitrep.consumer.backoff.max (" + max + ") must not be shorter than initial (" + initial + ")");
            }
        }

        /** A fresh backoff of these settings. */
        BackOff toBackOff() {
            ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), multiplier);
            backOff.setMaxInterval(max.toMillis());
            backOff.setMaxElapsedTime(Long.MAX_VALUE);
            return backOff;
        }
    }
}
