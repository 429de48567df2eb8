package io.sitrep.timeline.ingest;

/** Where a record sits in the log. */
public record RecordPosition(String topic, int partition, long offset) {

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
