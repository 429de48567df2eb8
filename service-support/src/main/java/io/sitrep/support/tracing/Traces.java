package io.sitrep.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries traces across the asynchronous gaps of a service: captures the current span's context as
 * W3C headers, to store with work that runs later, and starts the span of that work as a child of
 * what was stored. Without a tracer it captures nothing and starts no-op spans, so a service without
 * tracing works as before.
 */
public final class Traces {

    private static final Traces NONE = new Traces(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Tracing switched off: nothing is captured, spans are no-ops. */
    public static Traces none() {
        return NONE;
    }

    /** The context of the current span, or {@link StoredTrace#NONE} when there is none. */
    public StoredTrace current() {
        Span span = tracer.currentSpan();
        return span == null ? StoredTrace.NONE : of(span);
    }

    /** The context of {@code span}, as it is sent to whoever continues the trace. */
    public StoredTrace of(Span span) {
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return StoredTrace.of(headers);
    }

    /**
     * Starts a span, child of {@code parent}; when {@code parent} is empty, of the current span, or
     * else the first of a new trace. The caller ends it.
     */
    public Span startChild(StoredTrace parent, String name, Span.Kind kind) {
        Map<String, String> headers = parent.headers();
        return propagator.extract(headers, Map::get).name(name).kind(kind).start();
    }

    /** Makes {@code span} the current one on this thread until the returned scope is closed. */
    public Tracer.SpanInScope open(Span span) {
        return tracer.withSpan(span);
    }
}
