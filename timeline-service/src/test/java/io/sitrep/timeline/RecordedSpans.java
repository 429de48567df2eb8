package io.sitrep.timeline;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The spans the service ended, newest last, for tests of what it traces; the tracer picks this bean
 * up as one of its span processors. Keeps the last thousand.
 */
public final class RecordedSpans implements SpanProcessor {

    private static final int KEPT = 1000;

    private final ConcurrentLinkedDeque<SpanData> ended = new ConcurrentLinkedDeque<>();

    /** The ended spans of this trace. */
    public List<SpanData> ofTrace(String traceId) {
        return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.addLast(span.toSpanData());
        while (ended.size() > KEPT) {
            ended.pollFirst();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
