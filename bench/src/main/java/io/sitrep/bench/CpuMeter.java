package io.sitrep.bench;

import io.sitrep.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final boolean compilers;
    private Map<String, Long> start;
    private long startedAt;

    CpuMeter(LocalStack stack) {
        this(stack, false);
    }

    /** @param compilers whether to show, beside each service, what its JIT compiler threads took of it */
    CpuMeter(LocalStack stack, boolean compilers) {
        this.stack = stack;
        this.compilers = compilers;
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
            if (compilers) {
                ticks.put(service + "-service's JIT compiler threads", process == null ? 0 : compilerTicksOf(process.pid()));
            }
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

    /** utime + stime of a JVM's C1 and C2 compiler threads, in clock ticks; 0 when it is gone. */
    private static long compilerTicksOf(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.filter(thread -> command(thread).matches("C[12] CompilerThre.*"))
                    .mapToLong(thread -> ticksOf(thread.resolve("stat")))
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** utime + stime of a process, in clock ticks; 0 when it is gone. */
    static long ticksOf(long pid) {
        return ticksOf(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** utime + stime of a process or thread from its {@code stat} file, in clock ticks; 0 when it is gone. */
    private static long ticksOf(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
