package io.sitrep.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services' path stamps ({@code sitrep.path} at DEBUG), read back from their logs: when each event and each of its
 * deliveries reached each step, on the machine's wall clock. A step's first stamp is kept: a delivery attempted twice
 * keeps its first attempt's.
 */
final class PathLog {

    /** The steps an event's webhook passes in the services, in order; the harness's receipt follows the last. */
    static final List<String> STEPS = List.of("outbox.committed", "relay.woken", "relay.read", "relay.acked", "intake.polled",
            "fanout.begun", "fanout.committed", "dispatch.taken", "attempt.started", "webhook.sending");

    private static final Pattern LINE = Pattern.compile("sitrep\\.path\\s*: path (\\S+) (\\S+) (\\d+)(?: (\\S+))?\\s*$");

    private final Map<String, Map<String, Instant>> byKey = new HashMap<>();
    private final Map<String, String> eventOfDelivery = new HashMap<>();

    /** Reads every {@code .log} file of the folder. */
    static PathLog read(Path logs) {
        PathLog log = new PathLog();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.forEach(log::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the services' logs in " + logs, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("could not read the services' logs in " + logs, e.getCause());
        }
        return log;
    }

    /** Takes one log line; lines that are not path stamps are skipped. */
    void add(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return;
        }
        long micros = Long.parseLong(m.group(3));
        byKey.computeIfAbsent(m.group(2), key -> new HashMap<>())
                .putIfAbsent(m.group(1), Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000));
        if (m.group(4) != null) {
            eventOfDelivery.putIfAbsent(m.group(2), m.group(4));
        }
    }

    /** The stamps of a delivery and of the event it carries, by step in {@link #STEPS} order; missing steps are left out. */
    Map<String, Instant> ofDelivery(String delivery) {
        Map<String, Instant> own = byKey.getOrDefault(delivery, Map.of());
        Map<String, Instant> event = byKey.getOrDefault(eventOfDelivery.get(delivery), Map.of());
        Map<String, Instant> steps = new LinkedHashMap<>();
        for (String step : STEPS) {
            Instant at = own.containsKey(step) ? own.get(step) : event.get(step);
            if (at != null) {
                steps.put(step, at);
            }
        }
        return steps;
    }
}
