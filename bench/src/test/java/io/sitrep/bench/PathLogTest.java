package io.sitrep.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PathLogTest {

    private static final String EVENT = "0b8f5f4e-3a55-4d6f-9d71-0b7c1f1e2a10";
    private static final String DELIVERY = "5d0c3c1a-7e2b-4a57-8f0e-6a1d9c2b3e44";

    private static String line(String thread, String message) {
        return "2026-12-02T16:17:50.466Z DEBUG 3086 --- [notification-service] [" + thread + "] [ ] sitrep.path"
                + "                              : " + message;
    }

    @Test
    void joinsADeliverysStampsWithThoseOfTheEventItCarries(@TempDir Path logs) throws Exception {
        Files.write(logs.resolve("incident-service.log"), List.of(
                line("outbox-relay", "path relay.read " + EVENT + " 1796000000000200"),
                line("http-nio-1", "path outbox.committed " + EVENT + " 1796000000000100")));
        Files.write(logs.resolve("notification-service.log"), List.of(
                "2026-12-02T16:17:50.466Z  INFO 3086 --- [main] o.s.b.StartupInfoLogger : Started in 4 s (path x y 1)",
                line("delivery-dispatcher", "path dispatch.taken " + DELIVERY + " 1796000000000900 " + EVENT),
                line("webhook-http-1", "path webhook.sending " + DELIVERY + " 1796000000001000"),
                line("KafkaConsumer", "path fanout.begun " + EVENT + " 1796000000000500")));

        PathLog log = PathLog.read(logs);

        assertThat(log.ofDelivery(DELIVERY)).containsExactly(
                Map.entry("outbox.committed", Instant.ofEpochSecond(1_796_000_000L, 100_000)),
                Map.entry("relay.read", Instant.ofEpochSecond(1_796_000_000L, 200_000)),
                Map.entry("fanout.begun", Instant.ofEpochSecond(1_796_000_000L, 500_000)),
                Map.entry("dispatch.taken", Instant.ofEpochSecond(1_796_000_000L, 900_000)),
                Map.entry("webhook.sending", Instant.ofEpochSecond(1_796_000_000L, 1_000_000)));
    }

    @Test
    void aStepStampedTwiceKeepsItsFirstStamp() {
        PathLog log = new PathLog();

        log.add(line("delivery-dispatcher", "path attempt.started " + DELIVERY + " 1796000000000900 " + EVENT));
        log.add(line("delivery-dispatcher", "path attempt.started " + DELIVERY + " 1796000005000000 " + EVENT));

        assertThat(log.ofDelivery(DELIVERY)).containsExactly(
                Map.entry("attempt.started", Instant.ofEpochSecond(1_796_000_000L, 900_000)));
    }

    @Test
    void aDeliveryWithoutStampsHasNone() {
        assertThat(new PathLog().ofDelivery(DELIVERY)).isEmpty();
    }
}
