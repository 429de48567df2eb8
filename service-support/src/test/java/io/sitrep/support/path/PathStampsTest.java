package io.sitrep.support.path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PathStampsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(PathStamps.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level before;

    @BeforeEach
    void listen() {
        before = logger.getLevel();
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
        logger.setLevel(before);
    }

    @Test
    void writesNothingUnlessItsLoggerIsAtDebug() {
        logger.setLevel(Level.INFO);

        PathStamps.stamp("relay.read", UUID.randomUUID());
        PathStamps.stamp("attempt.started", UUID.randomUUID(), UUID.randomUUID(), Instant.now());

        assertThat(PathStamps.enabled()).isFalse();
        assertThat(lines.list).isEmpty();
    }

    @Test
    void writesTheStepTheKeyAndTheMomentInMicrosecondsAtDebug() {
        logger.setLevel(Level.DEBUG);
        UUID event = UUID.fromString("0b8f5f4e-3a55-4d6f-9d71-0b7c1f1e2a10");
        UUID delivery = UUID.fromString("5d0c3c1a-7e2b-4a57-8f0e-6a1d9c2b3e44");

        PathStamps.stamp("fanout.begun", event, Instant.ofEpochSecond(1_796_000_000L, 123_456_789));
        PathStamps.stamp("attempt.started", delivery, event, Instant.ofEpochSecond(1_796_000_001L, 5_000));

        assertThat(PathStamps.enabled()).isTrue();
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "path fanout.begun 0b8f5f4e-3a55-4d6f-9d71-0b7c1f1e2a10 1796000000123456",
                "path attempt.started 5d0c3c1a-7e2b-4a57-8f0e-6a1d9c2b3e44 1796000001000005 0b8f5f4e-3a55-4d6f-9d71-0b7c1f1e2a10");
    }
}
