package io.sitrep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * All of Sitrep on this machine: a Kafka broker and PostgreSQL with their data under one folder, an
 * SMTP sink, and the three services (and, when asked for, the console) as supervised processes. {@link Main} runs it from the command
 * line; the system tests start it the same way.
 */
public final class LocalStack implements AutoCloseable {

    /** The JVM options of the services but timeline-service: a small serial heap, as on a 2-core machine beside the broker and the database. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MaxRAM=1g", "-Xmx384m");
    /**
     * timeline-service's: the same heap with the parallel collector, whose collections stopped a read storm's answers for
     * about half as long in all as the serial one's, with a quarter of its full collections (docs/benchmarks.md, read storm).
     */
    private static final List<String> TIMELINE_JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-Xss512k", "-XX:MaxRAM=1g", "-Xmx384m");
    /** The services, in the order they start. */
    public static final List<String> SERVICES = List.of("incident", "notification", "timeline");
    /** The responders' console: a client of the services, started after them when asked for (see {@link Main}). */
    public static final String CONSOLE = "console";
    /** The scopes of the console's key: it acts for the person signed in, who may do what their role allows. */
    static final String CONSOLE_SCOPES = "actor:delegate,incidents:write,components:write,maintenance:write,admin";
    /** Where every part listens: loopback only. */
    static final String ADDRESS = "127.0.0.1";

    private final Settings settings;
    private final Consumer<String> say;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private LocalKafka kafka;
    private DatabaseSupervisor postgres;
    private SmtpSink smtpSink;
    private String apiKey;
    private String secretKey;
    private String consoleKey;
    private String firstAdminPassword;

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
                           int incidentPort, int notificationPort, int timelinePort, int consolePort, String apiKey, String smtpHost,
                           List<String> services, Map<String, Map<String, String>> extraEnvironment, boolean classDataSharing) {

        public static Settings defaults(Path root) {
            return new Settings(root, root.resolve(".sitrep"), 19092, 15432, 2525, 8025, 8081, 8082, 8083, 8084, null, null,
                    SERVICES, Map.of(), true);
        }

        public Settings withDataDirectory(Path directory) {
            return new Settings(root, directory, kafkaPort, postgresPort, smtpPort, inboxPort, incidentPort, notificationPort,
                    timelinePort, consolePort, apiKey, smtpHost, services, extraEnvironment, classDataSharing);
        }

        public Settings withApiKey(String key) {
            return new Settings(root, dataDirectory, kafkaPort, postgresPort, smtpPort, inboxPort, incidentPort, notificationPort,
                    timelinePort, consolePort, key, smtpHost, services, extraEnvironment, classDataSharing);
        }

        public Settings withSmtp(String host, int port) {
            return new Settings(root, dataDirectory, kafkaPort, postgresPort, port, inboxPort, incidentPort, notificationPort,
                    timelinePort, consolePort, apiKey, host, services, extraEnvironment, classDataSharing);
        }

        /** On free ports of this machine, for tests that must not collide with a stack already running. */
        public Settings onFreePorts() {
            return new Settings(root, dataDirectory, FreePorts.pair(), FreePorts.one(), FreePorts.one(), FreePorts.one(),
                    FreePorts.one(), FreePorts.one(), FreePorts.one(), FreePorts.one(), apiKey, smtpHost, services, extraEnvironment, classDataSharing);
        }

        public Settings withEnvironment(Map<String, Map<String, String>> environment) {
            return new Settings(root, dataDirectory, kafkaPort, postgresPort, smtpPort, inboxPort, incidentPort, notificationPort,
                    timelinePort, consolePort, apiKey, smtpHost, services, environment, classDataSharing);
        }

        /** Whether services start with a class data sharing archive of their own ({@link ClassDataSharing}); on by default. */
        public Settings withClassDataSharing(boolean on) {
            return new Settings(root, dataDirectory, kafkaPort, postgresPort, smtpPort, inboxPort, incidentPort, notificationPort,
                    timelinePort, consolePort, apiKey, smtpHost, services, extraEnvironment, on);
        }

        public Settings withServices(List<String> only) {
            return new Settings(root, dataDirectory, kafkaPort, postgresPort, smtpPort, inboxPort, incidentPort, notificationPort,
                    timelinePort, consolePort, apiKey, smtpHost, only, extraEnvironment, classDataSharing);
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
        // Owner-only first: nobody else may read the secrets below or swap the binaries PostgreSQL runs.
        Path data = OwnerOnly.folder(settings.dataDirectory());
        OwnerOnly.folder(data.resolve("logs"));
        apiKey = settings.apiKey() != null ? settings.apiKey() : Secrets.kept(data.resolve("api-key"), () -> "sitrep_" + Secrets.random(24));
        // notification-service encrypts signing secrets with it: it must outlive restarts, like the data.
        secretKey = Secrets.kept(data.resolve("secret-key"), () -> Base64.getEncoder().encodeToString(Secrets.randomBytes(32)));
        // The console's own key, which the services know by its hash only, with the scope to act for a person.
        consoleKey = Secrets.kept(data.resolve("console-key"), () -> "sitrep_console_" + Secrets.random(24));
        if (settings.services().contains(CONSOLE) && !Files.exists(data.resolve("console-admin-password"))) {
            // Said once, at the first start: the console creates its admin with it and asks for a new one at the first sign-in.
            firstAdminPassword = Secrets.kept(data.resolve("console-admin-password"), () -> Secrets.random(18));
        }
        Path binaries = OwnerOnly.folder(data.resolve("postgres-binaries"));
        postgres = DatabaseSupervisor.start(() -> {
            LocalPostgres started = LocalPostgres.start(data.resolve("postgres"), binaries, settings.postgresPort(),
                    data.resolve("postgres-password"), say);
            // The library opens the binaries' folder to everyone on every start, as it would a shared temporary folder.
            OwnerOnly.restrict(binaries);
            return started;
        }, say, failure::complete);
        for (String service : settings.services()) {
            postgres.current().ensureDatabase(database(service));
        }
        kafka = LocalKafka.start(data.resolve("kafka"), settings.kafkaPort());
        if (settings.smtpHost() == null) {
            smtpSink = SmtpSink.start(settings.smtpPort(), settings.inboxPort());
        }
    }

    private void startServices() {
        if (settings.classDataSharing()) {
            // The services that have no archive yet are trained side by side, before any of them starts.
            List<CompletableFuture<ClassDataSharing.Launch>> trained = settings.services().stream()
                    .map(service -> CompletableFuture.supplyAsync(() -> ClassDataSharing.prepare(jar(service),
                            environment(service, port(service)), jvmOptionsOf(service), log(service, service), say)))
                    .toList();
            trained.forEach(CompletableFuture::join);
        }
        for (String service : settings.services()) {
            startInstance(service, service, port(service));
        }
    }

    /**
     * Starts one more instance of a service, on a free port, with the same database, broker and settings: the instances
     * share the service's consumer group, as in a scale-out. Returns its name, e.g. {@code notification-2}, which
     * {@link #url}, {@link #process} and {@link #restarts} take like a service's name; returns before it is ready.
     */
    public synchronized String startAnotherInstance(String service) {
        if (!services.containsKey(service)) {
            throw new IllegalArgumentException(service + " does not run in this stack");
        }
        int number = 2;
        while (services.containsKey(service + "-" + number)) {
            number++;
        }
        String instance = service + "-" + number;
        startInstance(service, instance, FreePorts.one());
        return instance;
    }

    private static List<String> jvmOptionsOf(String service) {
        return "timeline".equals(service) ? TIMELINE_JVM_OPTIONS : JVM_OPTIONS;
    }

    private void startInstance(String service, String instance, int port) {
        Map<String, String> environment = environment(service, port);
        Path log = log(service, instance);
        ClassDataSharing.Launch launch = settings.classDataSharing()
                ? ClassDataSharing.prepare(jar(service), environment, jvmOptionsOf(service), log, say) : ClassDataSharing.Launch.plain(jar(service));
        List<String> jvmOptions = new ArrayList<>(jvmOptionsOf(service));
        jvmOptions.addAll(launch.jvmOptions());
        ServiceProcess process = new ServiceProcess(module(service) + suffix(service, instance), launch.jar(), port, environment,
                jvmOptions, log, say);
        services.put(instance, process);
        process.start();
    }

    private Path log(String service, String instance) {
        return settings.dataDirectory().resolve("logs").resolve(module(service) + suffix(service, instance) + ".log");
    }

    /** {@code -2} of the instance {@code notification-2}; nothing for the service's first instance. */
    private static String suffix(String service, String instance) {
        return instance.equals(service) ? "" : instance.substring(service.length());
    }

    /** What a service is started with, beyond its own defaults. */
    private Map<String, String> environment(String service, int port) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", Integer.toString(port));
        // Loopback only: the API key is generated and printed, and the local stack is for this machine.
        environment.put("SERVER_ADDRESS", ADDRESS);
        environment.put("SITREP_DB_URL", postgres.current().jdbcUrl(database(service)));
        environment.put("SITREP_DB_USER", LocalPostgres.USER);
        // In the environment of the child, not on its command line, where every user's ps would show it.
        environment.put("SITREP_DB_PASSWORD", postgres.current().password());
        environment.put("SITREP_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if (service.equals(CONSOLE)) {
            environment.put("SITREP_CONSOLE_API_KEY", consoleKey);
            environment.put("SITREP_INCIDENT_URL", "http://" + ADDRESS + ":" + settings.incidentPort());
            environment.put("SITREP_NOTIFICATION_URL", "http://" + ADDRESS + ":" + settings.notificationPort());
            environment.put("SITREP_TIMELINE_URL", "http://" + ADDRESS + ":" + settings.timelinePort());
            // Plain http on loopback: the session cookie cannot be Secure here.
            environment.put("SITREP_CONSOLE_SECURE_COOKIES", "false");
            environment.put("SITREP_CONSOLE_FIRST_ADMIN_PASSWORD", readFirstAdminPassword());
        } else {
            environment.put("SITREP_API_KEY", apiKey);
            environment.put("SITREP_SECURITY_API_KEYS_0_NAME", CONSOLE);
            environment.put("SITREP_SECURITY_API_KEYS_0_SHA256", sha256(consoleKey));
            environment.put("SITREP_SECURITY_API_KEYS_0_SCOPES", CONSOLE_SCOPES);
        }
        if (service.equals("notification")) {
            environment.put("SITREP_SMTP_HOST", settings.smtpHost() == null ? "127.0.0.1" : settings.smtpHost());
            environment.put("SITREP_SMTP_PORT", Integer.toString(settings.smtpPort()));
            environment.put("SITREP_PUBLIC_BASE_URL", "http://localhost:" + settings.notificationPort());
            environment.put("SITREP_SECRET_KEY", secretKey);
            // Local receivers are on this machine: allow loopback and private webhook targets here only.
            environment.put("SITREP_NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
            // Mail and the subscription pages link to the status page where this stack serves it.
            environment.put("SITREP_NOTIFICATION_PAGE_URL", "http://localhost:" + settings.timelinePort());
        }
        if (service.equals("timeline")) {
            // The page's subscribe form posts to this stack's notification-service, a second origin the page's policy allows.
            String notifications = "http://localhost:" + settings.notificationPort();
            environment.put("SITREP_TIMELINE_PAGE_URL", "http://localhost:" + settings.timelinePort());
            environment.put("SITREP_TIMELINE_PAGE_SUBSCRIBE_URL", notifications + "/api/v1/public/subscriptions");
            environment.put("SITREP_SECURITY_FORM_ACTION", "'self' " + notifications);
        }
        environment.putAll(settings.extraEnvironment().getOrDefault(service, Map.of()));
        return environment;
    }

    /** Stops the broker, as an outage would; the services keep running. */
    public synchronized void stopKafka() {
        LocalKafka running = kafka;
        kafka = null;
        if (running != null) {
            running.close();
        }
    }

    /** Starts the broker again on the same port and log, as after an outage. */
    public synchronized void startKafka() {
        kafka = LocalKafka.start(settings.dataDirectory().resolve("kafka"), settings.kafkaPort());
    }

    /** Stops a service and keeps it stopped (no restart), as during maintenance or an outage of that service alone. */
    public void stopService(String service) {
        services.get(service).pause();
    }

    /** Kills a service (or instance) with SIGKILL and keeps it down, as if its machine died; {@link #startService} starts it again. */
    public void killAndKeepDown(String service) {
        services.get(service).killAndKeepDown();
    }

    /** Starts a service stopped by {@link #stopService(String)} again; returns before it is ready. */
    public void startService(String service) {
        services.get(service).resume();
    }

    /** The mail the embedded SMTP sink received, oldest first. */
    public List<Map<String, Object>> receivedMail() {
        return smtpSink == null ? List.of() : smtpSink.received();
    }

    /** Waits until every service answers its readiness probe, but those stopped or killed on purpose and kept down. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> all;
        synchronized (this) {
            all = List.copyOf(services.values());
        }
        for (ServiceProcess service : all) {
            while (!service.keptDown() && !service.isReady()) {
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

    /** The console's first admin password when this start made it (the data folder's first start with the console), else null. */
    public String firstAdminPassword() {
        return firstAdminPassword;
    }

    public String url(String service) {
        ServiceProcess instance = services.get(service);
        return "http://localhost:" + (instance != null ? instance.port() : port(service));
    }

    public String kafkaBootstrapServers() {
        return LocalKafka.ADDRESS + ":" + settings.kafkaPort();
    }

    public String jdbcUrl(String service) {
        return postgres.current().jdbcUrl(database(service));
    }

    /** A connection to the service's database as the superuser, for readers of its statistics (the bench). */
    public java.sql.Connection connect(String service) throws java.sql.SQLException {
        return postgres.current().connect(database(service));
    }

    /** The PostgreSQL server's process as it runs now, for tests that kill it. */
    public ProcessHandle postgresServer() {
        return postgres.server().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
    }

    /** How many times PostgreSQL was started again after it died. */
    public int postgresRestarts() {
        return postgres.restarts();
    }

    /**
     * Completes with the reason when a part of the stack died and could not be started again; the launcher then
     * stops everything and exits non-zero.
     */
    public CompletableFuture<String> failure() {
        return failure;
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
            case CONSOLE -> settings.consolePort();
            default -> throw new IllegalArgumentException("unknown service " + service);
        };
    }

    private static String database(String service) {
        return "sitrep_" + service;
    }

    /** The Maven module of a service: {@code incident-service}, …, and {@code console}. */
    private static String module(String service) {
        return service.equals(CONSOLE) ? CONSOLE : service + "-service";
    }

    private String readFirstAdminPassword() {
        try {
            Path file = settings.dataDirectory().resolve("console-admin-password");
            return Files.exists(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Path jar(String service) {
        Path target = settings.root().resolve(module(service)).resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module(service) + "-*.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target.resolve(module(service) + ".jar");
    }

    /**
     * Stops the services first, all at once and each within {@link ServiceProcess#STOP_BOUND}, so that their
     * outbox relays drain to the broker and the database while both still run; then the broker, the database and
     * the SMTP sink. Says each step and how long it took.
     */
    @Override
    public synchronized void close() {
        Map<ServiceProcess, CompletableFuture<Duration>> stopping = new LinkedHashMap<>();
        for (ServiceProcess service : services.values()) {
            say.accept("Stopping " + service.name() + " …");
            stopping.put(service, service.stop());
        }
        long deadline = System.nanoTime() + ServiceProcess.STOP_BOUND.toNanos();
        stopping.forEach((service, stopped) -> {
            try {
                Duration took = stopped.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                say.accept(service.name() + " stopped in " + seconds(took));
            } catch (TimeoutException | ExecutionException e) {
                service.kill();
                say.accept(service.name() + " did not stop within " + ServiceProcess.STOP_BOUND.toSeconds() + " s and was killed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.kill();
            }
        });
        stop("the broker", kafka);
        kafka = null;
        stop("PostgreSQL", postgres);
        postgres = null;
        stop("the SMTP sink", smtpSink);
        smtpSink = null;
    }

    private void stop(String part, AutoCloseable running) {
        if (running == null) {
            return;
        }
        say.accept("Stopping " + part + " …");
        long begin = System.nanoTime();
        try {
            running.close();
            say.accept(capitalized(part) + " stopped in " + seconds(Duration.ofNanos(System.nanoTime() - begin)));
        } catch (Exception e) {
            say.accept("could not stop " + part + " cleanly: " + e.getMessage());
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
