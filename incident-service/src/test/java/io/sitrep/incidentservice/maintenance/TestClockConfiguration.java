package io.sitrep.incidentservice.maintenance;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;

/**
 * Gives every application instance started with it (in this JVM) the one {@link #CLOCK}, so that a test
 * moves time for all of them at once.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    public static final MutableClock CLOCK = new MutableClock(Instant.now());

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}
