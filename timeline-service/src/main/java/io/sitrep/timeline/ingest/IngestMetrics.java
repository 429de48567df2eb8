package io.sitrep.timeline.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What an operator watches of the consumer: freshness, and what happened to each event. */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer freshness;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.freshness = Timer.builder("sitrep.timeline.freshness")
                .description("Time from an event's publication by incident-service to its read model being committed here")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        for (String outcome : new String[] {"applied", "skipped", "gap", "dead_lettered", "ignored"}) {
            counter(outcome);
        }
    }

    /** An event was committed to the read models; it was published at {@code publishedAt}. */
    void committed(Instant publishedAt) {
        Duration age = Duration.between(publishedAt, clock.instant());
        freshness.record(age.isNegative() ? Duration.ZERO : age);
    }

    /**
     * Counts an event by outcome: {@code applied}, {@code skipped} (a duplicate or replay),
     * {@code gap} (applied after a version gap) or {@code dead_lettered}.
     */
    void count(String outcome) {
        counter(outcome).increment();
    }

    /** How many events had this outcome since the service started. */
    long total(String outcome) {
        return (long) counter(outcome).count();
    }

    private Counter counter(String outcome) {
        return outcomes.computeIfAbsent(outcome, name -> Counter.builder("sitrep.timeline.events")
                .description("Events taken from the topic, by what the consumer did with them")
                .tag("outcome", name)
                .register(registry));
    }
}
