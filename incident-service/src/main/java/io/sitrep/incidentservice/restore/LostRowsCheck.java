package io.sitrep.incidentservice.restore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.incidentservice.restore.StoredState.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices that the database lost rows the log has: every {@code sitrep.restore.check-interval} it reads the newest
 * {@code sitrep.restore.check-records} records of each partition, takes the newest version of each aggregate there
 * and asks the tables for theirs. A row is written before its event is published (the outbox), so a table that
 * lacks an aggregate, or holds an older version, has lost it. The check runs on a thread of its own, never at
 * start-up and never in a request; health reports its last result, DOWN with the tables at fault, and the gauge
 * {@code sitrep.incident.restore.missing} counts the aggregates per table.
 */
public class LostRowsCheck implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LostRowsCheck.class);
    private static final List<Table> AGGREGATES = List.of(Table.INCIDENTS, Table.COMPONENTS, Table.MAINTENANCES);

    private final EventLog eventLog;
    private final StoredState stored;
    private final RestoreSettings settings;
    private final Clock clock;
    private final Map<Table, AtomicLong> missing = new EnumMap<>(Table.class);
    private volatile Result last;
    private volatile String lastError;
    private ScheduledExecutorService executor;

    private record Result(Instant checkedAt, long records, Map<Table, Long> missing) {
    }

    public LostRowsCheck(EventLog eventLog, StoredState stored, RestoreSettings settings, Clock clock, MeterRegistry meters) {
        this.eventLog = eventLog;
        this.stored = stored;
        this.settings = settings;
        this.clock = clock;
        for (Table table : AGGREGATES) {
            AtomicLong count = new AtomicLong();
            missing.put(table, count);
            Gauge.builder("sitrep.incident.restore.missing", count, AtomicLong::doubleValue)
                    .description("Aggregates whose newest version in the event log's recent past the table lacks; above 0, restore")
                    .tag("table", table.sqlName())
                    .register(meters);
        }
    }

    /** Compares the log's recent past with the tables now. */
    public void check() {
        try {
            EventLog.Read read = eventLog.newest(settings.checkRecords());
            LoggedState state = LoggedState.of(read.events());
            Map<Table, Map<String, Long>> newest = new EnumMap<>(Table.class);
            newest.put(Table.INCIDENTS, new LinkedHashMap<>());
            newest.put(Table.COMPONENTS, new LinkedHashMap<>());
            newest.put(Table.MAINTENANCES, new LinkedHashMap<>());
            state.incidents().forEach((id, events) -> newest.get(Table.INCIDENTS).put(id.toString(), events.lastKey()));
            state.components().forEach((id, snapshot) -> newest.get(Table.COMPONENTS).put(id, snapshot.version()));
            state.maintenances().forEach((id, events) -> newest.get(Table.MAINTENANCES).put(id.toString(), events.lastKey()));
            Map<Table, Long> counts = new EnumMap<>(Table.class);
            for (Table table : AGGREGATES) {
                Map<String, Long> inLog = newest.get(table);
                Map<String, Long> inTable = stored.versions(table, inLog.keySet());
                long lost = inLog.entrySet().stream()
                        .filter(e -> inTable.getOrDefault(e.getKey(), 0L) < e.getValue())
                        .count();
                counts.put(table, lost);
                missing.get(table).set(lost);
            }
            last = new Result(clock.instant(), read.records(), counts);
            lastError = null;
            if (counts.values().stream().anyMatch(n -> n > 0)) {
                log.warn("The database lacks rows the event log has: {}; restore with POST /api/v1/admin/restore", counts);
            }
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName();
            log.warn("The lost-rows check could not run: {}", e.toString());
        }
    }

    /** Checks again soon, on the check's own thread: after a restore, so that health need not wait an interval. */
    public synchronized void checkSoon() {
        if (executor != null) {
            executor.execute(this::check);
        }
    }

    @Override
    public Health health() {
        Result result = last;
        if (result == null) {
            Health.Builder builder = Health.unknown().withDetail("reason", settings.checkEnabled() ? "not checked yet" : "the check is off");
            return lastError == null ? builder.build() : builder.withDetail("lastError", lastError).build();
        }
        Map<String, Long> byTable = new LinkedHashMap<>();
        result.missing().forEach((table, n) -> byTable.put(table.sqlName(), n));
        Health.Builder builder = byTable.values().stream().anyMatch(n -> n > 0) ? Health.down() : Health.up();
        List<String> lost = byTable.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).toList();
        if (!lost.isEmpty()) {
            builder.withDetail("reason", "the database lost rows the event log has (" + String.join(", ", lost)
                    + " rows missing or behind); restore them with POST /api/v1/admin/restore");
        }
        builder.withDetail("missing", byTable)
                .withDetail("checkedAt", result.checkedAt().toString())
                .withDetail("recordsChecked", result.records());
        if (lastError != null) {
            builder.withDetail("lastError", lastError);
        }
        return builder.build();
    }

    @Override
    public synchronized void start() {
        if (!settings.checkEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "incident-lost-rows-check");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.checkInterval().toMillis();
        executor.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
