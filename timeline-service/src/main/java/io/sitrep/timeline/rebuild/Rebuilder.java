package io.sitrep.timeline.rebuild;

import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.timeline.ingest.EventApplier;
import io.sitrep.timeline.ingest.IncidentEventsConsumer;
import io.sitrep.timeline.ingest.IngestSettings;
import io.sitrep.timeline.readmodel.ReadModelsChanged;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every read model from the start of the topic into a new generation, beside the current
 * one, which keeps serving and keeps being updated by the live consumer:
 * <ol>
 * <li>a consumer from Spring Kafka's consumer factory, with a group of its own, reads every partition from the
 * beginning into the new generation, a batch per transaction, until it reaches the end offsets taken when it started;</li>
 * <li>it goes on reading until its lag is at most a batch, then switches: in one transaction it locks the current
 * generation (which holds back the live consumer), applies whatever the live consumer had applied
 * beyond the rebuild's position, and makes the new generation current;</li>
 * <li>the live consumer then applies to the new generation; events the rebuild applied already are
 * skipped there by their version; the old generation's rows are deleted.</li>
 * </ol>
 * One rebuild runs at a time across all instances.
 */
@Component
public class Rebuilder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    /** A building generation whose rebuild has not touched it for this long was abandoned by a stopped instance. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final Generations generations;
    private final EventApplier applier;
    private final TransactionTemplate transactions;
    private final KafkaProperties kafka;
    private final IngestSettings ingest;
    private final RebuildSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher changes;
    private final EventCodec codec = new EventCodec();

    private final Object lock = new Object();
    private volatile Thread worker;
    private volatile boolean stopping;
    private volatile String state = "idle";
    private volatile Long generation;
    private volatile Long previous;
    private Instant lastHeartbeat;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile Long lag;
    private volatile String lastError;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();

    Rebuilder(Generations generations, EventApplier applier, TransactionTemplate transactions, KafkaProperties kafka,
              IngestSettings ingest, RebuildSettings settings, Clock clock, ApplicationEventPublisher changes) {
        this.generations = generations;
        this.applier = applier;
        this.transactions = transactions;
        this.kafka = kafka;
        this.ingest = ingest;
        this.settings = settings;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws RebuildInProgress when one is running, here or in another instance
     */
    public RebuildProgress start() {
        synchronized (lock) {
            if (worker != null && worker.isAlive()) {
                throw new RebuildInProgress();
            }
            long next = generations.startBuilding(ABANDONED_AFTER).orElseThrow(RebuildInProgress::new);
            generation = next;
            startedAt = clock.instant();
            finishedAt = null;
            lag = null;
            lastError = null;
            applied.set(0);
            undecodable.set(0);
            state = "catching-up";
            worker = new Thread(() -> run(next), "timeline-rebuild-" + next);
            worker.setDaemon(true);
            worker.start();
            return progress();
        }
    }

    public RebuildProgress progress() {
        Instant started = startedAt;
        Instant end = finishedAt == null ? clock.instant() : finishedAt;
        double seconds = started == null ? 0 : Math.max(0.001, Duration.between(started, end).toMillis() / 1000.0);
        double rate = started == null ? 0 : Math.round(applied.get() / seconds * 10) / 10.0;
        return new RebuildProgress(state, generation, generations.current(), started, finishedAt, applied.get(), rate, lag,
                undecodable.get(), lastError);
    }

    private void run(long next) {
        String group = settings.groupPrefix() + next;
        Instant deadline = clock.instant().plus(settings.maxDuration());
        ExecutorService appliers = Executors.newFixedThreadPool(Math.max(1, settings.parallelism() - 1), runnable -> {
            Thread thread = new Thread(runnable, "timeline-rebuild-" + next + "-applier");
            thread.setDaemon(true);
            return thread;
        });
        try (Consumer<String, byte[]> consumer = consumer(group)) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> target = consumer.endOffsets(partitions);
            log.info("Rebuilding generation {} from {} ({} records to catch up)", next, ingest.topic(), remaining(consumer, target));
            while (remaining(consumer, target) > 0) {
                check(deadline);
                pollAndApply(consumer, next, appliers);
                lag = remaining(consumer, consumer.endOffsets(partitions));
            }
            state = "switching";
            boolean switched = false;
            while (!switched) {
                check(deadline);
                pollAndApply(consumer, next, appliers);
                lag = remaining(consumer, consumer.endOffsets(partitions));
                // Close enough: under the switch's lock the rest is bounded by what the live consumer has applied.
                if (lag <= settings.batchSize()) {
                    switched = trySwitch(consumer, next, appliers);
                }
            }
            consumer.commitSync();
            lag = remaining(consumer, consumer.endOffsets(partitions));
            state = "completed";
            finishedAt = clock.instant();
            log.info("Generation {} is current: {} events applied", next, applied.get());
        } catch (RuntimeException e) {
            log.error("Rebuild of generation {} failed", next, e);
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            state = "failed";
            finishedAt = clock.instant();
        } finally {
            appliers.shutdownNow();
        }
        try {
            // The retired generation after a switch; the unfinished one after a failure.
            generations.drop("completed".equals(state) ? previous : next);
            deleteGroup(group);
        } catch (RuntimeException e) {
            log.warn("Could not clean up after the rebuild of generation {}: {}", next, e.toString());
        }
    }

    /**
     * Switches when the rebuild has applied everything the live consumer has. Holding the current
     * generation's lock keeps the live consumer still meanwhile; it waits at most the switch timeout.
     */
    private boolean trySwitch(Consumer<String, byte[]> consumer, long next, ExecutorService appliers) {
        Instant until = clock.instant().plus(settings.switchTimeout());
        Boolean switched = transactions.execute(status -> {
            long previous = generations.lockCurrent();
            Map<Integer, Long> live = generations.liveOffsets(ingest.topic());
            while (behind(consumer, live)) {
                if (clock.instant().isAfter(until)) {
                    log.info("The rebuild could not catch up with the live consumer within {}; trying again", settings.switchTimeout());
                    status.setRollbackOnly();
                    return false;
                }
                pollAndApply(consumer, next, appliers);
            }
            generations.makeCurrent(next, previous);
            this.previous = previous;
            return true;
        });
        if (Boolean.TRUE.equals(switched)) {
            // This instance's views read the new generation now; the others learn of it at their next refresh.
            changes.publishEvent(new ReadModelsChanged("rebuild"));
        }
        return Boolean.TRUE.equals(switched);
    }

    private static boolean behind(Consumer<String, byte[]> consumer, Map<Integer, Long> live) {
        for (TopicPartition partition : consumer.assignment()) {
            Long applied = live.get(partition.partition());
            if (applied != null && consumer.position(partition) < applied) {
                return true;
            }
        }
        return false;
    }

    /**
     * Polls and applies what came. The events are split by their record's key, as the topic's partitions
     * split them, into {@code parallelism} shares applied at once, each in its own transaction: one
     * aggregate's events stay in one share, in their order, and shares that touch the same aggregate
     * wait for each other's locks, as the live consumer's threads do. It returns once every share is
     * committed, so that the positions it leaves the consumer at are applied.
     */
    private void pollAndApply(Consumer<String, byte[]> consumer, long next, ExecutorService appliers) {
        ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
        if (records.isEmpty()) {
            return;
        }
        List<List<SitrepEvent>> shares = new ArrayList<>(settings.parallelism());
        for (int i = 0; i < settings.parallelism(); i++) {
            shares.add(new ArrayList<>());
        }
        int decoded = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                SitrepEvent event = codec.decode(headers(record), record.value());
                if (IncidentEventsConsumer.appliesTo(event)) {
                    int share = record.key() == null ? 0 : Math.floorMod(record.key().hashCode(), shares.size());
                    shares.get(share).add(event);
                    decoded++;
                }
            } catch (UndecodableEvent e) {
                undecodable.incrementAndGet();
            }
        }
        List<CompletableFuture<Void>> others = new ArrayList<>();
        List<SitrepEvent> own = null;
        for (List<SitrepEvent> share : shares) {
            if (share.isEmpty()) {
                continue;
            }
            if (own == null) {
                own = share;
            } else {
                others.add(CompletableFuture.runAsync(() -> applier.applyToGeneration(share, next), appliers));
            }
        }
        try {
            if (own != null) {
                applier.applyToGeneration(own, next);
            }
        } finally {
            awaitAll(others);
        }
        applied.addAndGet(decoded);
        consumer.commitAsync();
    }

    /** Waits for every share, and fails with the first failure among them once all are done. */
    private static void awaitAll(List<CompletableFuture<Void>> shares) {
        try {
            CompletableFuture.allOf(shares.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(ingest.topic(), Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("the topic " + ingest.topic() + " has no partitions");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static long remaining(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        long remaining = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            remaining += Math.max(0, partition.getValue() - consumer.position(partition.getKey()));
        }
        return remaining;
    }

    private void check(Instant deadline) {
        Instant now = clock.instant();
        if (lastHeartbeat == null || Duration.between(lastHeartbeat, now).toSeconds() >= 10) {
            generations.heartbeat(generation);
            lastHeartbeat = now;
        }
        if (stopping) {
            throw new IllegalStateException("the service is stopping");
        }
        if (clock.instant().isAfter(deadline)) {
            throw new IllegalStateException("the rebuild did not finish within " + settings.maxDuration());
        }
    }

    /** A consumer of the rebuild's own group, from Spring Kafka's consumer factory, set as the rebuild needs. */
    private Consumer<String, byte[]> consumer(String group) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(properties, StringDeserializer::new,
                ByteArrayDeserializer::new);
        return factory.createConsumer(group, group, null);
    }

    private void deleteGroup(String group) {
        Map<String, Object> properties = new HashMap<>(kafka.buildAdminProperties());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(properties)) {
            admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("Could not delete the rebuild's consumer group {}: {}", group, e.toString());
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread running = worker;
        if (running != null) {
            running.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
