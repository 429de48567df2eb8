package io.sitrep.notification.intake;

import io.sitrep.notification.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings that bound how long a dead broker or a dead instance holds this service up. */
class ConsumerFailoverSettingsIT extends IntegrationTest {

    @Autowired
    private Environment environment;

    // issue 21: health requests hung in the binder's health check for 60 s and held graceful shutdown for 30 s.
    @Test
    void theBindersHealthCheckAndGracefulShutdownAreBoundedToSeconds() {
        Integer healthTimeoutSeconds = environment.getProperty("spring.cloud.stream.kafka.binder.health-timeout", Integer.class);
        Duration shutdownPhase = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class);

        assertThat(healthTimeoutSeconds).isBetween(1, 5);
        assertThat(shutdownPhase).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
    }
}
