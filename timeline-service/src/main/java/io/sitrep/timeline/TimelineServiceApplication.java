package io.sitrep.timeline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** timeline-service: read models built from the incident events, and everything that reads them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TimelineServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TimelineServiceApplication.class, args);
    }

    /** The clock of freshness, uptime and the live stream; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
