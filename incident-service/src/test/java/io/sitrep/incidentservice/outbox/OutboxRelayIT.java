package io.sitrep.incidentservice.outbox;

import io.sitrep.events.SitrepEvent;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.support.outbox.OutboxRelay;
import io.sitrep.incidentservice.incident.OpenIncident;
import io.sitrep.incidentservice.incident.application.IncidentCommands;
import io.sitrep.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay publishes every committed event, in order, whatever happens to it in between. */
class OutboxRelayIT extends IntegrationTest {

    @Autowired
    private OutboxRelay relay;

    @Autowired
    private IncidentCommands commands;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void fiveRapidUpdatesToOneIncidentArriveInVersionOrder() throws Exception {
        String id = anOpenIncident("Control plane degraded");

        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Integer>> updates = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String body = "{\"message\":\"Update " + i + "\"}";
                updates.add(CompletableFuture.supplyAsync(() -> api.post("/api/v1/incidents/" + id + "/updates", body).status(), pool));
            }
            for (CompletableFuture<Integer> update : updates) {
                assertThat(update.get(30, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        List<SitrepEvent> events = awaitEvents(id, 6).stream().map(this::decode).toList();
        assertThat(events).extracting(SitrepEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void eventsCommittedWhileTheRelayIsStoppedArePublishedAfterItRestarts() {
        relay.stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String id = anOpenIncident("Written while the relay is down " + i);
                api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Still down.\"}").expect(201);
                ids.add(id);
            }

            assertThat(count("outbox")).isGreaterThanOrEqualTo(6);
            assertThat(topic.recordsSoFar(r -> ids.contains(r.key()))).isEmpty();
        } finally {
            relay.start();
        }

        for (String id : ids) {
            assertThat(awaitEvents(id, 2).stream().map(this::decode)).extracting(SitrepEvent::version).containsExactly(1L, 2L);
        }
        await().atMost(KAFKA_TIMEOUT).until(() -> count("outbox") == 0);
    }

    @Test
    void aTransactionThatCommitsLateIsPublishedAndNotSkipped() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CompletableFuture<String> late = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            String id = commands.open("ci", new OpenIncident("Committed late", null, null, "Slow transaction.", null), List.of())
                    .id().toString();
            inserted.countDown();
            awaitQuietly(commit);
            return id;
        }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();

        String early = anOpenIncident("Committed early");
        awaitEvents(early, 1);
        commit.countDown();
        String lateId = late.get(30, TimeUnit.SECONDS);

        assertThat(awaitEvents(lateId, 1)).hasSize(1);
    }

    @Test
    void publishedRowsLeaveTheOutbox() {
        String id = anOpenIncident("Short-lived outbox row");

        awaitEvents(id, 1);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("SELECT count(*) FROM outbox WHERE aggregate_id = ?").param(id).query(Long.class).single() == 0);
        assertThat(topic.recordsSoFar(TopicReader.keyed(id))).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
