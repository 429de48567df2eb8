package io.sitrep.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Points a Spring context at the shared broker and at a fresh database of its own. Use it through
 * {@link WithRealInfrastructure}.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresServer postgres = Infrastructure.postgres();
        KafkaServer kafka = Infrastructure.kafka();
        String database = postgres.createDatabase("sitrep_test");
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", postgres.jdbcUrl(database),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sitrep-real-infrastructure", properties));
    }
}
