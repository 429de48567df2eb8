package io.sitrep.incidentservice;

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
 * Runs incident-service on this machine with an in-JVM Kafka broker and embedded PostgreSQL, for
 * trying the API: {@code ./mvnw -q -pl incident-service spring-boot:test-run}. The data is thrown
 * away on exit. The API key comes from {@code SITREP_API_KEY}, or is generated and printed once.
 */
public final class LocalIncidentService {

    private LocalIncidentService() {
    }

    public static void main(String[] args) {
        System.setProperty("sitrep.test.infrastructure", "embedded");
        System.out.println("Starting an embedded PostgreSQL and Kafka broker …");
        PostgresServer postgres = Infrastructure.postgres();
        KafkaServer kafka = Infrastructure.kafka();
        String database = postgres.createDatabase("sitrep_incidents");

        String key = System.getenv("SITREP_API_KEY");
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
        properties.put("sitrep.security.bootstrap-key", key);
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.state.change.logger", "WARN");
        // As command-line arguments, so they win over application.yml's environment-based defaults.
        List<String> arguments = new ArrayList<>();
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IncidentServiceApplication.class)
                .run(arguments.toArray(String[]::new));

        String port = context.getEnvironment().getProperty("local.server.port", "8081");
        String shownKey = generated ? key : "$SITREP_API_KEY";
        System.out.printf("""

                Sitrep incident-service is running.
                  API          http://localhost:%1$s/api/v1/incidents
                  OpenAPI      http://localhost:%1$s/v3/api-docs
                  Health       http://localhost:%1$s/actuator/health
                  Kafka        %2$s (topic sitrep.incident-events)
                  API key      %3$s

                Try:
                  curl -s -X POST http://localhost:%1$s/api/v1/incidents \\
                    -H "Authorization: Bearer %4$s" -H 'Content-Type: application/json' \\
                    -d '{"title":"Elevated error rates","impact":"minor","message":"We are investigating."}'

                Stop with Ctrl-C. The data is thrown away on exit.
                %n""", port, kafka.bootstrapServers(),
                generated ? key + "  (generated; set SITREP_API_KEY to choose one)" : "from SITREP_API_KEY", shownKey);
    }
}
