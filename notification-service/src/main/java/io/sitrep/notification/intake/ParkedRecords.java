package io.sitrep.notification.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Keeps the records of {@code sitrep.incident-events} that could not be read, with the reason, in {@code dead_lettered_events}. */
public class ParkedRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A record that could not be read, its CloudEvents headers, and why. */
    public record Parked(ConsumerRecord<?, ?> record, Map<String, String> headers, String reason, String detail) {
    }

    private final JdbcTemplate jdbc;

    public ParkedRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores them in one round trip; a record parked before (a redelivery) is kept once. */
    public void store(List<Parked> parked, Instant receivedAt) {
        Timestamp at = Timestamp.from(receivedAt);
        jdbc.batchUpdate("""
                        INSERT INTO dead_lettered_events (topic, kafka_partition, kafka_offset, record_key, event_type, reason,
                                                          headers, payload, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?) ON CONFLICT DO NOTHING""",
                parked.stream().map(p -> new Object[] {p.record().topic(), p.record().partition(), p.record().offset(), key(p.record()),
                        p.headers().get("ce_type"), p.reason() + ": " + p.detail(), JSON.writeValueAsString(p.headers()),
                        p.record().value() instanceof byte[] value ? value : null, at}).toList());
    }

    private static String key(ConsumerRecord<?, ?> record) {
        return record.key() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : record.key() == null ? null : record.key().toString();
    }
}
