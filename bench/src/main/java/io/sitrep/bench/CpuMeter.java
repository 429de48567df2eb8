package io.sitrep.bench;

import io.sitrep.localstack.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time by part of the system over a window, from /proc: each service, PostgreSQL (all its processes),
 * and the harness itself, which also hosts the Kafka broker. It shows where the cores went while a figure
 * was measured.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final LocalStack stack;
    private Map<String, Long> start;
    private long startedAt;

    CpuMeter(LocalStack stack) {
        this.stack = stack;
    }

    void start() {
        start = ticks();
        startedAt = Stamp.now();
    }

    /** Cores used by each part since {@link #start()}. */
    Map<String, Double> cores() {
        Map<String, Long> end = ticks();
        double seconds = (Stamp.now() - startedAt) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        end.forEach((part, ticks) -> cores.put(part, (ticks - start.getOrDefault(part, 0L)) / TICKS_PER_SECOND / seconds));
        return cores;
    }

    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String service : LocalStack.SERVICES) {
            Process process = stack.process(service);
            ticks.put(service + "-service", process == null ? 0 : ticksOf(process.pid()));
        }
        ticks.put("PostgreSQL", postgresTicks());
        ticks.put("harness and Kafka broker", ticksOf(ProcessHandle.current().pid()));
        return ticks;
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> command(p).startsWith("postgres"))
                    .mapToLong(p -> ticksOf(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String command(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime of a process, in clock ticks; 0 when it is gone. */
    static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
