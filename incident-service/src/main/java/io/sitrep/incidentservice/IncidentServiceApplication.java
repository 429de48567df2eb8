package io.sitrep.incidentservice;

import io.sitrep.incidentservice.incident.web.TimelineSettings;
import io.sitrep.incidentservice.integration.IntegrationSettings;
import io.sitrep.incidentservice.restore.RestoreCommandLine;
import io.sitrep.support.outbox.OutboxConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** incident-service: the write side of Sitrep. */
@SpringBootApplication
@Import(OutboxConfiguration.class)
@EnableScheduling
@EnableConfigurationProperties({IntegrationSettings.class, TimelineSettings.class})
public class IncidentServiceApplication {

    public static void main(String[] args) {
        RestoreCommandLine.exitIfRan(SpringApplication.run(IncidentServiceApplication.class, args));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
