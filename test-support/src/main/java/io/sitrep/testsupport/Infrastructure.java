package io.sitrep.testsupport;

import org.testcontainers.DockerClientFactory;

import java.util.Locale;

/**
 * The broker and database shared by every integration test in one JVM, started on first use and
 * stopped when the JVM exits. Testcontainers provides them where a Docker engine runs; otherwise an
 * in-JVM KRaft broker and embedded PostgreSQL binaries do. The system property (or environment
 * variable {@code SITREP_TEST_INFRASTRUCTURE}) {@code sitrep.test.infrastructure} may force
 * {@code containers} or {@code embedded}; the default is {@code auto}.
 */
public final class Infrastructure {

    private static KafkaServer kafka;
    private static PostgresServer postgres;

    private Infrastructure() {
    }

    /** The shared Kafka broker. */
    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = useContainers() ? new ContainerKafka() : new EmbeddedKafka();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "sitrep-test-kafka-stop"));
        }
        return kafka;
    }

    /** The shared PostgreSQL server. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = useContainers() ? new ContainerPostgres() : new EmbeddedPostgresServer();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "sitrep-test-postgres-stop"));
        }
        return postgres;
    }

    private static boolean useContainers() {
        String mode = System.getProperty("sitrep.test.infrastructure",
                System.getenv().getOrDefault("SITREP_TEST_INFRASTRUCTURE", "auto")).toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "containers" -> true;
            case "embedded" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalStateException("sitrep.test.infrastructure must be auto, containers or embedded, was " + mode);
        };
    }
}
