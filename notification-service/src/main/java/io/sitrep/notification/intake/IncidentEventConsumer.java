package io.sitrep.notification.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.events.wire.UnknownEventType;
import io.sitrep.notification.delivery.dispatch.DispatchSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Handles one record of {@code sitrep.incident-events}. It never waits on a receiver: it only writes
 * to this service's database and wakes the dispatcher. A record that cannot be decoded (unknown
 * type, malformed data) is parked in {@code dead_lettered_events} with the reason, and the consumer
 * moves on. A database failure is thrown, so that the listener container retries the same record
 * with backoff rather than skipping it: nothing accepted is lost.
 */
public class IncidentEventConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventConsumer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec;
    private final Fanout fanout;
    private final JdbcClient jdbc;
    private final DispatchSignal signal;
    private final MeterRegistry registry;
    private final Clock clock;

    public IncidentEventConsumer(EventCodec codec, Fanout fanout, JdbcClient jdbc, DispatchSignal signal, MeterRegistry registry,
                                 Clock clock) {
        this.codec = codec;
        this.fanout = fanout;
        this.jdbc = jdbc;
        this.signal = signal;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void accept(Message<byte[]> message) {
        Map<String, String> headers = cloudEventHeaders(message);
        SitrepEvent event;
        try {
            event = codec.decode(headers, message.getPayload());
        } catch (UndecodableEvent e) {
            park(message, headers, e instanceof UnknownEventType ? "unknown_type" : "malformed", e.getMessage());
            return;
        }
        Fanout.Result result;
        try {
            result = fanout.accept(event);
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Event {} of type {} could not be processed; parked", event.eventId(), event.type().wireName(), e);
            park(message, headers, "processing_failed", e.toString());
            return;
        }
        if (result == Fanout.Result.ACCEPTED) {
            signal.wake();
        }
        count(event.type().wireName(), result.tag());
    }

    private void park(Message<byte[]> message, Map<String, String> headers, String reason, String detail) {
        String topic = String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
        Object partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = message.getHeaders().get(KafkaHeaders.OFFSET);
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        log.warn("Parked a record of {}-{}@{}: {} ({})", topic, partition, offset, reason, detail);
        jdbc.sql("""
                        INSERT INTO dead_lettered_events (topic, kafka_partition, kafka_offset, record_key, event_type, reason,
                                                          headers, payload, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT DO NOTHING""")
                .params(topic, partition == null ? -1 : ((Number) partition).intValue(), offset == null ? -1L : ((Number) offset).longValue(),
                        key == null ? null : text(key), headers.get("ce_type"), reason + ": " + detail,
                        JSON.writeValueAsString(headers), message.getPayload(), Timestamp.from(clock.instant()))
                .update();
        Counter.builder("sitrep.events.parked").description("Records of sitrep.incident-events that could not be read, by reason")
                .tag("reason", reason).register(registry).increment();
        count(headers.getOrDefault("ce_type", "none"), "parked");
    }

    private void count(String type, String outcome) {
        Counter.builder("sitrep.events.received").description("Records consumed from sitrep.incident-events, by type and outcome")
                .tag("type", type).tag("outcome", outcome).register(registry).increment();
    }

    /** The CloudEvents headers of the record as text; the binder hands them over as bytes. */
    static Map<String, String> cloudEventHeaders(Message<?> message) {
        Map<String, String> headers = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith("ce_") || name.equals("content-type")) {
                headers.put(name, text(value));
            }
        });
        return headers;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
