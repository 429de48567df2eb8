package io.sitrep.systemtests;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding the timeline from the log while writes keep coming: the API answers throughout and ends equal. */
class RebuildIT extends SystemTest {

    @Test
    void theTimelineRebuildsDuringASteadyStreamOfWritesAndEndsEqualToTheWriteSide() throws Exception {
        String component = aComponent("Rebuilt");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = open("Before the rebuild " + i, component);
            ids.add(id);
            for (int n = 0; n < 20; n++) {
                update(id, "Before the rebuild, update " + n);
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(timeline.as(null).get("/api/v1/incidents/" + id).status()).isEqualTo(200);
            }
        });
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> failedReads = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            int n = 0;
            while (writing.get()) {
                update(ids.get(n % ids.size()), "Steady update " + n++);
                var read = timeline.as(null).get("/api/v1/incidents/" + ids.get(0));
                if (read.status() != 200) {
                    failedReads.add(read.status() + " " + read.body());
                }
            }
        }, "steady-writes");
        writer.start();
        try {
            timeline.post("/api/v1/admin/rebuild", null).expect(202);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                    timeline.get("/api/v1/admin/rebuild").expect(200).json().path("state").asString().equals("completed"));
        } finally {
            writing.set(false);
            writer.join();
        }

        assertThat(failedReads).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : ids) {
                JsonNode written = incidents.get("/api/v1/incidents/" + id).expect(200).json();
                JsonNode read = timeline.as(null).get("/api/v1/incidents/" + id).expect(200).json();
                assertThat(read.path("version").asLong()).isEqualTo(written.path("version").asLong());
                assertThat(read.path("timeline").size()).isEqualTo(written.path("updates").size());
            }
        });
    }
}
