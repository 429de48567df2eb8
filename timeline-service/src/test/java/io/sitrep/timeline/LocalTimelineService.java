package io.sitrep.timeline;

import io.sitrep.testsupport.Infrastructure;
import io.sitrep.testsupport.KafkaServer;
import io.sitrep.testsupport.PostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs timeline-service on this machine with an in-JVM Kafka broker and embedded PostgreSQL, for
 * trying it: {@code ./mvnw -q -pl timeline-service spring-boot:test-run}. The data is thrown away on
 * exit. The admin key comes from {@code SITREP_ADMIN_KEY}, or is generated and printed once.
 */
public final class LocalTimelineService {

    private LocalTimelineService() {
    }

    public static void main(String[] args) {
        System.setProperty("sitrep.test.infrastructure", "embedded");
        System.out.println("Starting an embedded PostgreSQL and Kafka broker …");
        PostgresServer postgres = Infrastructure.postgres();
        KafkaServer kafka = Infrastructure.kafka();
        String database = postgres.createDatabase("sitrep_timeline");
        // incident-service creates the topic in a real deployment; timeline-service only waits for it.
        TestTopics.created("sitrep.incident-events");

        String key = System.getenv("SITREP_ADMIN_KEY");
        boolean generated = key == null || key.isBlank();
        if (generated) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            key = "sitrep_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers());
        properties.put("sitrep.timeline.admin-key", key);
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.state.change.logger", "WARN");
        // As command-line arguments, so they win over application.yml's environment-based defaults.
        List<String> arguments = new ArrayList<>();
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TimelineServiceApplication.class)
                .run(arguments.toArray(String[]::new));

        String port = context.getEnvironment().getProperty("local.server.port", "8083");
        System.out.printf("""

                Sitrep timeline-service is running.
                  Status page  http://localhost:%1$s/
                  API          http://localhost:%1$s/api/v1/incidents
                  Stream       http://localhost:%1$s/api/v1/stream
                  Feed         http://localhost:%1$s/feed.atom
                  OpenAPI      http://localhost:%1$s/v3/api-docs
                  Health       http://localhost:%1$s/actuator/health
                  Kafka        %2$s (consuming sitrep.incident-events)
                  Admin key    %3$s

                Publish events to the topic (incident-service does), or rebuild the read models:
                  curl -s -X POST http://localhost:%1$s/api/v1/admin/rebuild -H "Authorization: Bearer %4$s"

                Stop with Ctrl-C. The data is thrown away on exit.
                %n""", port, kafka.bootstrapServers(),
                generated ? key + "  (generated; set SITREP_ADMIN_KEY to choose one)" : "from SITREP_ADMIN_KEY",
                generated ? key : "$SITREP_ADMIN_KEY");
    }
}
