package io.sitrep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * All of Sitrep on this machine: a Kafka broker and PostgreSQL with their data under one folder, an
 * SMTP sink, and the three services as supervised processes. {@link Main} runs it from the command
 * line; the system tests start it the same way.
 */
public final class LocalStack implements AutoCloseable {

    /** The services, in the order they start. */
    public static final List<String> SERVICES = List.of("incident", "notification", "timeline");

    private final Settings settings;
    private final Consumer<String> say;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private LocalKafka kafka;
    private LocalPostgres postgres;
    private SmtpSink smtpSink;
    private String apiKey;
    private String secretKey;

    private LocalStack(Settings settings, Consumer<String> say) {
        this.settings = settings;
        this.say = say;
    }

    /**
     * Where everything runs.
     *
     * @param root             the repository root, where the services' jars are built
     * @param dataDirectory    where the broker, the database, the logs and the generated API key live
     * @param apiKey           the API key every service accepts; null to generate one, kept in the data folder
     * @param smtpHost         an SMTP server to send mail to; null for the embedded sink
     * @param services         which of {@link #SERVICES} to run
     * @param extraEnvironment more environment per service, e.g. compressed retry schedules in tests
     */
    public record Settings(Path root, Path dataDirectory, int kafkaPort, int postgresPort, int smtpPort, int inboxPort,
                           int incidentPort, int notificationPort, int timelinePort, String apiKey, String smtpHost,
                           List<String> services, Map<String, Map<String, String>> extraEnvironment) {

        public static Settings defaults(Path root) {
            return new Settings(root, root.resolve(".sitrep"), 19092, 15432, 2525, 8025, 8081, 8082, 8083, null, null,
                    SERVICES, Map.of());
        }

        public Settings withDataDirectory(Path directory) {
            return new Settings(root, directory, kafkaPort, postgresPort, smtpPort, inboxPort, incidentPort, notificationPort,
                    timelinePort, apiKey, smtpHost, services, extraEnvironment);
        }

        public Settings withApiKey(String key) {
            return new Settings(root, dataDirectory, kafkaPort, postgresPort, smtpPort, inboxPort, incidentPort, notificationPort,
                    timelinePort, key, smtpHost, services, extraEnvironment);
        }

        public Settings withSmtp(String host, int port) {
            return new Settings(root, dataDirectory, kafkaPort, postgresPort, port, inboxPort, incidentPort, notificationPort,
                    timelinePort, apiKey, host, services, extraEnvironment);
        }

        /** On free ports of this machine, for tests that must not collide with a stack already running. */
        public Settings onFreePorts() {
            return new Settings(root, dataDirectory, FreePorts.pair(), FreePorts.one(), FreePorts.one(), FreePorts.one(),
                    FreePorts.one(), FreePorts.one(), FreePorts.one(), apiKey, smtpHost, services, extraEnvironment);
        }

        public Settings withEnvironment(Map<String, Map<String, String>> environment) {
            return new Settings(root, dataDirectory, kafkaPort, postgresPort, smtpPort, inboxPort, incidentPort, notificationPort,
                    timelinePort, apiKey, smtpHost, services, environment);
        }

        public Settings withServices(List<String> only) {
            return new Settings(root, dataDirectory, kafkaPort, postgresPort, smtpPort, inboxPort, incidentPort, notificationPort,
                    timelinePort, apiKey, smtpHost, only, extraEnvironment);
        }
    }

    /** Starts the broker, the database and the SMTP sink, then the services; returns before they are ready. */
    public static LocalStack start(Settings settings, Consumer<String> say) {
        LocalStack stack = new LocalStack(settings, say);
        try {
            stack.startInfrastructure();
            stack.startServices();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        Path data = settings.dataDirectory();
        createDirectories(data);
        apiKey = settings.apiKey() != null ? settings.apiKey() : stored(data.resolve("api-key"), () -> "sitrep_" + random(24));
        // notification-service encrypts signing secrets with it: it must outlive restarts, like the data.
        secretKey = stored(data.resolve("secret-key"), () -> Base64.getEncoder().encodeToString(randomBytes(32)));
        postgres = LocalPostgres.start(data.resolve("postgres"), data.resolve("postgres-binaries"), settings.postgresPort());
        started.add(postgres);
        for (String service : settings.services()) {
            postgres.ensureDatabase(database(service));
        }
        kafka = LocalKafka.start(data.resolve("kafka"), settings.kafkaPort());
        started.add(kafka);
        if (settings.smtpHost() == null) {
            smtpSink = SmtpSink.start(settings.smtpPort(), settings.inboxPort());
            started.add(smtpSink);
        }
    }

    private void startServices() {
        for (String service : settings.services()) {
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("PORT", Integer.toString(port(service)));
            environment.put("SITREP_DB_URL", postgres.jdbcUrl(database(service)));
            environment.put("SITREP_DB_USER", LocalPostgres.USER);
            environment.put("SITREP_DB_PASSWORD", LocalPostgres.PASSWORD);
            environment.put("SITREP_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            environment.put("SITREP_API_KEY", apiKey);
            if (service.equals("notification")) {
                environment.put("SITREP_SMTP_HOST", settings.smtpHost() == null ? "127.0.0.1" : settings.smtpHost());
                environment.put("SITREP_SMTP_PORT", Integer.toString(settings.smtpPort()));
                environment.put("SITREP_PUBLIC_BASE_URL", "http://localhost:" + settings.notificationPort());
                environment.put("SITREP_SECRET_KEY", secretKey);
                // Local receivers are on this machine: allow loopback and private webhook targets here only.
                environment.put("SITREP_NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
            }
            environment.putAll(settings.extraEnvironment().getOrDefault(service, Map.of()));
            ServiceProcess process = new ServiceProcess(service + "-service", jar(service), port(service), environment,
                    List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MaxRAM=1g", "-Xmx384m"),
                    settings.dataDirectory().resolve("logs").resolve(service + "-service.log"), say);
            process.start();
            services.put(service, process);
            started.add(process);
        }
    }

    /** Stops the broker, as an outage would; the services keep running. */
    public synchronized void stopKafka() {
        started.remove(kafka);
        kafka.close();
    }

    /** Starts the broker again on the same port and log, as after an outage. */
    public synchronized void startKafka() {
        kafka = LocalKafka.start(settings.dataDirectory().resolve("kafka"), settings.kafkaPort());
        started.add(1, kafka);
    }

    /** Stops a service and keeps it stopped (no restart), as during maintenance or an outage of that service alone. */
    public void stopService(String service) {
        services.get(service).pause();
    }

    /** Starts a service stopped by {@link #stopService(String)} again; returns before it is ready. */
    public void startService(String service) {
        services.get(service).resume();
    }

    /** The mail the embedded SMTP sink received, oldest first. */
    public List<Map<String, Object>> receivedMail() {
        return smtpSink == null ? List.of() : smtpSink.received();
    }

    /** Waits until every service answers its readiness probe. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ServiceProcess service : services.values()) {
            while (!service.isReady()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.name() + " is not ready after " + timeout.toSeconds() + " s; see " + service.log());
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
                }
            }
        }
    }

    public String apiKey() {
        return apiKey;
    }

    public String url(String service) {
        return "http://localhost:" + port(service);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String service) {
        return postgres.jdbcUrl(database(service));
    }

    /** The inbox of the embedded SMTP sink, or null when mail goes to an outside server. */
    public String inboxUrl() {
        return smtpSink == null ? null : "http://localhost:" + settings.inboxPort();
    }

    /** The running process of a service, for tests that kill it. */
    public Process process(String service) {
        return services.get(service).process();
    }

    public int restarts(String service) {
        return services.get(service).restarts();
    }

    public Settings settings() {
        return settings;
    }

    private int port(String service) {
        return switch (service) {
            case "incident" -> settings.incidentPort();
            case "notification" -> settings.notificationPort();
            case "timeline" -> settings.timelinePort();
            default -> throw new IllegalArgumentException("unknown service " + service);
        };
    }

    private static String database(String service) {
        return "sitrep_" + service;
    }

    private Path jar(String service) {
        Path target = settings.root().resolve(service + "-service").resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, service + "-service-*.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target.resolve(service + "-service.jar");
    }

    /** The secret kept in {@code file}, made by {@code fresh} and kept there (owner-only) on first use. */
    private static String stored(Path file, java.util.function.Supplier<String> fresh) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String value = fresh.get();
            Files.writeString(file, value + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // The file keeps the owner's default permissions on systems without POSIX permissions.
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep a secret in " + file, e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] random = new byte[count];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + directory, e);
        }
    }

    /** Stops the services first, then the broker and the database. */
    @Override
    public void close() {
        services.values().forEach(ServiceProcess::expectExit);
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                say.accept("could not stop cleanly: " + e.getMessage());
            }
        }
        started.clear();
    }
}
