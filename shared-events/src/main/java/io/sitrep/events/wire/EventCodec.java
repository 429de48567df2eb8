package io.sitrep.events.wire;

import io.sitrep.events.EventType;
import io.sitrep.events.SitrepEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Turns events into JSON data and back. Decoding ignores fields it does not know, so producers may
 * add fields; a type it does not know is an {@link UnknownEventType}, never a crash. Thread-safe.
 */
public final class EventCodec {

    private final JsonMapper json;

    public EventCodec() {
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** The JSON data of an event. */
    public byte[] encode(SitrepEvent event) {
        return json.writeValueAsBytes(event);
    }

    /** Decodes the data of a record whose {@code ce_type} is {@code type}. */
    public SitrepEvent decode(String type, byte[] data) throws UndecodableEvent {
        if (type == null || type.isBlank()) {
            throw new MalformedEvent(type, "no event type (header " + CloudEventHeaders.TYPE + ")", null);
        }
        EventType eventType = EventType.fromWireName(type).orElseThrow(() -> new UnknownEventType(type));
        if (data == null || data.length == 0) {
            throw new MalformedEvent(type, "no data", null);
        }
        SitrepEvent event;
        try {
            event = json.readValue(data, eventType.recordType());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEvent(type, "data does not match " + eventType.dataSchema() + ": " + reason(e), e);
        }
        if (event == null) {
            throw new MalformedEvent(type, "data is JSON null", null);
        }
        return event;
    }

    private static String reason(RuntimeException e) {
        String message = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Decodes a record from its CloudEvents headers and data. */
    public SitrepEvent decode(Map<String, String> headers, byte[] data) throws UndecodableEvent {
        String type = headers.get(CloudEventHeaders.TYPE);
        String specVersion = headers.get(CloudEventHeaders.SPEC_VERSION);
        if (specVersion != null && !CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEvent(type, "unsupported CloudEvents spec version '" + specVersion + "'", null);
        }
        return decode(type, data);
    }
}
