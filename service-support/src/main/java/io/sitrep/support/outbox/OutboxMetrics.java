package io.sitrep.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/** What an operator watches of the outbox: its backlog, how old that is, publish lag and errors. */
public class OutboxMetrics {

    private final JdbcClient jdbc;
    final Timer publishLag;
    final Counter published;
    final Counter errors;

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.jdbc = jdbc;
        Gauge.builder("sitrep.outbox.pending", this, OutboxMetrics::pending)
                .description("Events committed but not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("sitrep.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest unpublished event")
                .baseUnit("seconds")
                .register(registry);
        publishLag = Timer.builder("sitrep.outbox.publish.lag")
                .description("Time from an event's insert into the outbox to its removal after the broker acknowledged it, on the database clock")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        published = Counter.builder("sitrep.outbox.published").description("Events published to the broker").register(registry);
        errors = Counter.builder("sitrep.outbox.relay.errors").description("Relay batches that failed and will be retried").register(registry);
    }

    long pending() {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }

    double oldestAgeSeconds() {
        return jdbc.sql("SELECT coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) FROM outbox")
                .query(Double.class)
                .single();
    }
}
