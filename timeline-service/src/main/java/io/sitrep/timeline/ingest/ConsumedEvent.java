package io.sitrep.timeline.ingest;

import io.sitrep.events.SitrepEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/** An event the live consumer decoded, with the record it came in. */
public record ConsumedEvent(SitrepEvent event, ConsumerRecord<String, byte[]> record) {

    /** Where the record sits in the log. */
    public RecordPosition position() {
        return new RecordPosition(record.topic(), record.partition(), record.offset());
    }

    /** The record's value as published, which the live stream passes on unchanged. */
    public String data() {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
