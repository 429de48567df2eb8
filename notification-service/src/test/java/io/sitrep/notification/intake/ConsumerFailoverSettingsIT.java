package io.sitrep.notification.intake;

import io.sitrep.notification.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.core.env.Environment;
import org.springframework.messaging.MessageChannel;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings that bound how long a dead broker or a dead instance holds this service up. */
class ConsumerFailoverSettingsIT extends IntegrationTest {

    @Autowired
    private Environment environment;

    @Autowired
    private BinderFactory binders;

    // issue 21: health requests hung in the binder's health check for 60 s and held graceful shutdown for 30 s.
    @Test
    void theBindersHealthCheckAndGracefulShutdownAreBoundedToSeconds() {
        Integer healthTimeoutSeconds = environment.getProperty("spring.cloud.stream.kafka.binder.health-timeout", Integer.class);
        Duration shutdownPhase = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class);

        assertThat(healthTimeoutSeconds).isBetween(1, 5);
        assertThat(shutdownPhase).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
    }

    // issue 21: when one of two instances died, its partitions waited 46 s (the session timeout) for another.
    @Test
    void aDeadInstancesPartitionsMoveWithinAboutTenSeconds() {
        KafkaMessageChannelBinder binder = (KafkaMessageChannelBinder) binders.getBinder(null, MessageChannel.class);

        Map<String, String> consumer = binder.getExtendedConsumerProperties("incidentEvents-in-0").getConfiguration();

        assertThat(consumer).containsEntry("session.timeout.ms", "10000").containsEntry("heartbeat.interval.ms", "3000");
        assertThat(consumer).doesNotContainKey("group.protocol");
    }
}
