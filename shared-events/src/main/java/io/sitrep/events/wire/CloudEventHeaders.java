package io.sitrep.events.wire;

import io.sitrep.events.EventType;
import io.sitrep.events.SitrepEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The CloudEvents 1.0 attributes of an event in Kafka binary mode: each attribute is a
 * {@code ce_}-prefixed header, the data is the record value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /**
     * The headers for an event.
     *
     * @param source the CloudEvents source of the producing service, e.g. {@code /sitrep/incident-service}
     */
    public static Map<String, String> of(SitrepEvent event, String source) {
        return of(event.eventId(), event.type(), event.aggregateId(), event.occurredAt(), source);
    }

    /** The headers for an event known by its attributes only, e.g. a stored outbox row. */
    public static Map<String, String> of(UUID id, EventType type, String subject, Instant time, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(ID, id.toString());
        headers.put(TYPE, type.wireName());
        headers.put(SOURCE, source);
        headers.put(TIME, time.toString());
        headers.put(SUBJECT, subject);
        headers.put(DATA_SCHEMA, type.dataSchema());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }
}
