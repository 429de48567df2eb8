package io.sitrep.incidentservice.outbox;

import io.sitrep.events.SitrepEvent;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.support.outbox.OutboxMetrics;
import io.sitrep.support.outbox.OutboxRelay;
import io.sitrep.support.outbox.OutboxSettings;
import io.sitrep.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Relays racing each other, and a relay that dies between the broker's acknowledgement and its delete. */
class RelayFailureIT extends IntegrationTest {

    @Autowired
    private OutboxRelay relay;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Autowired
    private OutboxSettings settings;

    @Autowired
    private OutboxMetrics metrics;

    @Test
    void twoRelaysAtOnceNeitherReorderNorPublishTwice() throws Exception {
        OutboxRelay second = relayWith(transactionManager);
        second.start();
        List<String> ids = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 8; i++) {
                ids.add(anOpenIncident("Raced relays " + i));
            }
            List<CompletableFuture<Void>> updates = new ArrayList<>();
            for (String id : ids) {
                updates.add(CompletableFuture.runAsync(() -> {
                    for (int n = 1; n <= 5; n++) {
                        api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Update " + n + "\"}").expect(201);
                    }
                }, writers));
            }
            for (CompletableFuture<Void> update : updates) {
                update.get(60, TimeUnit.SECONDS);
            }
            await().atMost(KAFKA_TIMEOUT).until(() -> count("outbox") == 0);
        } finally {
            writers.shutdown();
            second.stop();
        }

        for (String id : ids) {
            List<ConsumerRecord<String, byte[]>> records = awaitEvents(id, 6);
            assertThat(records.stream().map(this::decode)).extracting(SitrepEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(topic.recordsSoFar(TopicReader.keyed(id))).hasSize(6);
        }
    }

    @Test
    void aRelayThatDiesBetweenAcknowledgementAndDeleteSendsADuplicateWithTheSameEventId() {
        relay.stop();
        AtomicBoolean crashOnNextCommit = new AtomicBoolean();
        OutboxRelay crashing = relayWith(new DataSourceTransactionManager(dataSource) {
            {
                // A process that dies leaves its transaction to be rolled back by the database.
                setRollbackOnCommitFailure(true);
            }

            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                if (crashOnNextCommit.compareAndSet(true, false)) {
                    throw new TransactionSystemException("the process died before the delete committed");
                }
                super.doCommit(status);
            }
        });
        String id;
        try {
            id = anOpenIncident("Published twice, detectably");
            crashOnNextCommit.set(true);

            crashing.start();
            await().atMost(KAFKA_TIMEOUT).until(() -> count("outbox") == 0);
        } finally {
            crashing.stop();
            relay.start();
        }

        List<ConsumerRecord<String, byte[]>> records = awaitEvents(id, 2);
        assertThat(TopicReader.headers(records.get(1)).get("ce_id")).isEqualTo(TopicReader.headers(records.get(0)).get("ce_id"));
        assertThat(decode(records.get(1)).version()).isEqualTo(decode(records.get(0)).version()).isEqualTo(1);
        assertThat(crashOnNextCommit).isFalse();
    }

    private OutboxRelay relayWith(PlatformTransactionManager transactions) {
        return new OutboxRelay(dataSource, jdbc, new TransactionTemplate(transactions), kafka, settings, metrics, () -> {
        });
    }
}
