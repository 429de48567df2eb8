package io.sitrep.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Traces over a real OpenTelemetry tracer, as the services have it, and without one. */
class TracesTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final StoredTrace STORED = new StoredTrace("00-" + TRACE_ID + "-" + SPAN_ID + "-01", "vendor=x");

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final ContextPropagators propagators = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
    private final Traces traces = new Traces(new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { }),
            new OtelPropagator(propagators, otel));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void capturesNothingOutsideASpan() {
        assertThat(traces.current()).isEqualTo(StoredTrace.NONE);
    }

    @Test
    void capturesTheCurrentSpansContextAsW3cHeaders() {
        Span span = traces.startChild(StoredTrace.NONE, "request", Span.Kind.SERVER);

        StoredTrace captured;
        try (Tracer.SpanInScope scope = traces.open(span)) {
            captured = traces.current();
        } finally {
            span.end();
        }

        assertThat(captured.traceparent()).isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
        assertThat(captured.traceId()).isEqualTo(span.context().traceId());
        assertThat(traces.current()).isEqualTo(StoredTrace.NONE);
    }

    @Test
    void continuesAStoredTraceInAChildSpanThatCarriesItsState() {
        Span child = traces.startChild(STORED, "attempt", Span.Kind.CLIENT);
        child.end();

        assertThat(child.context().traceId()).isEqualTo(TRACE_ID);
        assertThat(child.context().spanId()).isNotEqualTo(SPAN_ID);
        StoredTrace sent = traces.of(child);
        assertThat(sent.traceparent()).isEqualTo("00-" + TRACE_ID + "-" + child.context().spanId() + "-01");
        assertThat(sent.tracestate()).isEqualTo("vendor=x");
    }

    @Test
    void startsANewTraceWhenNoneWasStored() {
        Span first = traces.startChild(StoredTrace.NONE, "attempt", Span.Kind.CLIENT);
        Span second = traces.startChild(StoredTrace.NONE, "attempt", Span.Kind.CLIENT);
        first.end();
        second.end();

        assertThat(first.context().traceId()).hasSize(32).isNotEqualTo(second.context().traceId());
    }

    @Test
    void withoutATracerNothingIsCapturedAndSpansAreNoOps() {
        Span span = Traces.none().startChild(STORED, "attempt", Span.Kind.CLIENT);

        try (Tracer.SpanInScope scope = Traces.none().open(span)) {
            assertThat(Traces.none().current()).isEqualTo(StoredTrace.NONE);
        }
        assertThat(Traces.none().of(span).headers()).isEmpty();
    }

    @Test
    void aStoredTraceIsEmptyWithoutTraceparentAndNamesItsTraceId() {
        assertThat(new StoredTrace(" ", "vendor=x")).isEqualTo(StoredTrace.NONE);
        assertThat(StoredTrace.NONE.headers()).isEmpty();
        assertThat(StoredTrace.NONE.traceId()).isNull();
        assertThat(STORED.traceId()).isEqualTo(TRACE_ID);
        assertThat(STORED.headers()).containsOnlyKeys("traceparent", "tracestate");
    }
}
