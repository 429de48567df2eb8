package io.sitrep.bench;

import io.sitrep.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the bench: {@code java -jar bench/target/bench.jar [--scenarios=1,2,…] [--duration=30s] [--warmup=60s]
 * [--backlog=100000] [--outage=60s] [--isolation-rate=150] [--out=bench/target] [--list=50000]} from the repository root, after
 * {@code ./mvnw -q install -DskipTests}.
 */
public final class Bench {

    /** Tells a run of the bench what to do. */
    record Options(Set<Integer> scenarios, Duration warmup, Duration duration, int backlog, Duration outage, Path out, int list,
                   boolean classDataSharing, int isolationRate) {

        static final String USAGE = "usage: java -jar bench/target/bench.jar [--scenarios=1,2,3,4,5,6,7,8,9,10,11,12,13,14] [--duration=30s] "
                + "[--warmup=60s] [--backlog=100000] [--outage=60s] [--isolation-rate=150] [--out=bench/target] [--list=50000] "
                + "[--class-data-sharing=on|off]";

        /**
         * Whether the services write their path stamps ({@link PathLog}): only when the idle path runs alone, whose per-step
         * breakdown they make, so that their log lines weigh on no scenario under load.
         */
        boolean pathStamps() {
            return scenarios.equals(Set.of(11));
        }

        static Options parse(String... args) {
            Set<Integer> scenarios = new LinkedHashSet<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));
            // The services' JIT compilers need about a minute of load on two cores before the code they run settles.
            Duration warmup = Duration.ofSeconds(60);
            Duration duration = Duration.ofSeconds(30);
            Duration outage = Duration.ofSeconds(60);
            int backlog = 100_000;
            int list = 50_000;
            Path out = Path.of("bench", "target");
            boolean classDataSharing = true;
            // 0: half of scenario 3's fan-out rate per receiver (20 events/s when scenario 3 does not run).
            int isolationRate = 0;
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                if (pair.length != 2 || pair[1].isBlank()) {
                    throw new IllegalArgumentException("'" + arg + "' is not an option\n" + USAGE);
                }
                switch (pair[0]) {
                    case "--scenarios" -> {
                        scenarios = new LinkedHashSet<>();
                        for (String number : pair[1].split(",")) {
                            int scenario = Integer.parseInt(number.trim());
                            if (scenario < 1 || scenario > 14) {
                                throw new IllegalArgumentException("there is no scenario " + scenario + "\n" + USAGE);
                            }
                            scenarios.add(scenario);
                        }
                    }
                    case "--duration" -> duration = duration(pair[1]);
                    case "--warmup" -> warmup = duration(pair[1]);
                    case "--outage" -> outage = duration(pair[1]);
                    case "--backlog" -> backlog = Integer.parseInt(pair[1].replace("_", "").replace(",", ""));
                    case "--out" -> out = Path.of(pair[1]);
                    case "--class-data-sharing" -> classDataSharing = switch (pair[1]) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new IllegalArgumentException("--class-data-sharing is on or off\n" + USAGE);
                    };
                    case "--isolation-rate" -> isolationRate = Integer.parseInt(pair[1]);
                    case "--list" -> list = Integer.parseInt(pair[1].replace("_", "").replace(",", ""));
                    default -> throw new IllegalArgumentException("unknown option " + pair[0] + "\n" + USAGE);
                }
            }
            if (backlog < 1_000 || backlog > 10_000_000) {
                throw new IllegalArgumentException("--backlog must be between 1,000 and 10,000,000");
            }
            if (list < 1_000 || list > 1_000_000) {
                throw new IllegalArgumentException("--list must be between 1,000 and 1,000,000");
            }
            if (isolationRate < 0 || isolationRate > 1_000) {
                throw new IllegalArgumentException("--isolation-rate must be between 1 and 1,000 events/s (0: half of scenario 3's fan-out)");
            }
            return new Options(scenarios, warmup, duration, backlog, outage, out, list, classDataSharing, isolationRate);
        }

        private static Duration duration(String text) {
            Duration value = Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
            if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("a duration must be above 0 and at most 1h: " + text);
            }
            return value;
        }

        Map<String, String> describe() {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("scenarios", scenarios.toString());
            settings.put("warm-up", warmup.toSeconds() + " s");
            settings.put("measured", duration.toSeconds() + " s");
            settings.put("backlog", String.format("%,d", backlog));
            settings.put("outage", outage.toSeconds() + " s");
            if (isolationRate > 0) {
                settings.put("isolation rate", isolationRate + " events/s");
            }
            settings.put("class data sharing", classDataSharing ? "on" : "off");
            settings.put("list", String.format("%,d", list));
            return settings;
        }
    }

    /** What the services run with in the bench beyond local-stack's defaults; the docs list the same. */
    static final Map<String, Map<String, String>> ENVIRONMENT = Map.of(
            // One client sends thousands of requests a second: lift the per-key budget (200/s by default).
            "incident", Map.of("SITREP_SECURITY_RATELIMIT_REQUESTSPERPERIOD", "1000000"),
            "timeline", Map.of("SITREP_SECURITY_RATELIMIT_REQUESTSPERPERIOD", "1000000"),
            "notification", Map.of("SITREP_SECURITY_RATELIMIT_REQUESTSPERPERIOD", "1000000",
                    // Compressed retries, so that a receiver's 60 s outage is made good within minutes, not hours.
                    "SITREP_NOTIFICATION_DELIVERY_RETRYSCHEDULE", "0s,1s,5s,15s,30s,1m,2m,5m,10m,30m"));

    private Bench() {
    }

    /** {@link #ENVIRONMENT}, with the path stamps of incident-service and notification-service on when the options ask for them. */
    static Map<String, Map<String, String>> environment(Options options) {
        if (!options.pathStamps()) {
            return ENVIRONMENT;
        }
        Map<String, Map<String, String>> environment = new LinkedHashMap<>();
        ENVIRONMENT.forEach((service, variables) -> {
            Map<String, String> more = new LinkedHashMap<>(variables);
            if (!service.equals("timeline")) {
                more.put("LOGGING_LEVEL_SITREP_PATH", "DEBUG");
            }
            environment.put(service, more);
        });
        return environment;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("incident-service"))) {
            System.err.println("run the bench from the repository root, after ./mvnw -q install -DskipTests");
            System.exit(2);
        }
        Machine machine = Machine.current();
        say("machine: " + machine);
        Report report = new Report(machine, options.describe());
        Path data = root.resolve(options.out()).resolve("bench-data");
        deleteRecursively(data);
        try (MailSink mail = new MailSink()) {
            LocalStack.Settings settings = LocalStack.Settings.defaults(root).withDataDirectory(data).onFreePorts()
                    .withSmtp("127.0.0.1", mail.port()).withEnvironment(environment(options)).withClassDataSharing(options.classDataSharing());
            LocalStack stack = LocalStack.start(settings, line -> say("[local-stack] " + line));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stop"));
            try {
                stack.awaitReady(Duration.ofMinutes(3));
                say("the system is up; the services' logs are in " + data.resolve("logs"));
                run(options, stack, mail, report);
            } finally {
                stack.close();
            }
        }
        report.write(root.resolve(options.out()));
        System.out.println();
        System.out.println(report.markdown());
        say("written to " + root.resolve(options.out()).resolve("bench-results.json") + " and bench-results.md");
        System.exit(0);
    }

    private static void run(Options options, LocalStack stack, MailSink mail, Report report) {
        try (TopicWatcher topic = new TopicWatcher(stack.kafkaBootstrapServers(), "sitrep.incident-events")) {
            Scenarios scenarios = new Scenarios(options, stack, mail, topic, report);
            Map<Integer, Runnable> steps = new LinkedHashMap<>();
            steps.put(9, scenarios::memoryAtRest);
            steps.put(1, scenarios::ingest);
            steps.put(2, scenarios::outbox);
            steps.put(3, scenarios::webhooks);
            steps.put(13, scenarios::deliveryCost);
            steps.put(4, scenarios::email);
            steps.put(5, scenarios::isolation);
            steps.put(6, scenarios::readSide);
            steps.put(8, scenarios::backlogAfterOutage);
            steps.put(10, scenarios::readStorm);
            steps.put(11, scenarios::idlePath);
            steps.put(12, scenarios::largeList);
            steps.put(7, scenarios::rebuild);
            steps.put(14, scenarios::coldStart);
            steps.forEach((number, step) -> {
                if (options.scenarios().contains(number)) {
                    say("scenario " + number);
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        report.add(number + " failed", e.toString(), Double.NaN, "");
                        e.printStackTrace(System.out);
                    }
                }
            });
            scenarios.close();
        }
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
