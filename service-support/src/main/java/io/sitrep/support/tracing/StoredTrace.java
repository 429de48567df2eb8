package io.sitrep.support.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A W3C trace context as it is stored with work that runs later (an outbox row, a delivery) and
 * sent on with it (a Kafka record's headers, a webhook's): the {@code traceparent} and, when a
 * tracer keeps vendor state, the {@code tracestate}. Both are null when there was no trace.
 */
public record StoredTrace(String traceparent, String tracestate) {

    /** The W3C header (and Kafka header) names. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** No trace. */
    public static final StoredTrace NONE = new StoredTrace(null, null);

    public StoredTrace {
        traceparent = blankToNull(traceparent);
        tracestate = traceparent == null ? null : blankToNull(tracestate);
    }

    /** The context in a map of headers, e.g. ones a propagator filled. */
    public static StoredTrace of(Map<String, String> headers) {
        return new StoredTrace(headers.get(TRACEPARENT), headers.get(TRACESTATE));
    }

    public boolean isEmpty() {
        return traceparent == null;
    }

    /** The trace id, the second field of the {@code traceparent}; null when there is none. */
    public String traceId() {
        if (traceparent == null) {
            return null;
        }
        String[] fields = traceparent.split("-");
        return fields.length >= 4 ? fields[1] : null;
    }

    /** The headers to send: none, or {@code traceparent} and, if any, {@code tracestate}. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (traceparent != null) {
            headers.put(TRACEPARENT, traceparent);
            if (tracestate != null) {
                headers.put(TRACESTATE, tracestate);
            }
        }
        return headers;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
