package io.sitrep.timeline;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.events.wire.EventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consumer continues the trace of each record it reads, and its log lines carry that trace's id (ADR 0007). */
@ExtendWith(OutputCaptureExtension.class)
class TracingIT extends IntegrationTest {

    @Autowired
    private RecordedSpans spans;

    @Test
    void theConsumersSpanOfAnEventIsAChildOfTheSpanInTheRecordsTraceparent() {
        IncidentStory story = IncidentStory.of("Traced");
        IncidentOpened opened = story.open(Impact.MINOR, "Looking into it.");
        String traceId = randomHex(16);
        String producerSpanId = randomHex(8);

        publish(opened, "00-" + traceId + "-" + producerSpanId + "-01");

        awaitIncidentVersion(story.id(), 1);
        await().atMost(TIMEOUT).until(() -> spans.ofTrace(traceId).stream().anyMatch(s -> s.getKind() == SpanKind.CONSUMER));
        SpanData consumed = spans.ofTrace(traceId).stream().filter(s -> s.getKind() == SpanKind.CONSUMER).findFirst().orElseThrow();
        assertThat(consumed.getParentSpanId()).isEqualTo(producerSpanId);
        assertThat(consumed.getName()).contains(TOPIC);
    }

    @Test
    void aLogLineWrittenWhileConsumingARecordCarriesItsTraceId(CapturedOutput output) {
        IncidentStory story = IncidentStory.of("Traced poison");
        IncidentOpened opened = story.open(Impact.MINOR, "Looking into it.");
        String traceId = randomHex(16);
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(opened, "/sitrep/incident-service"));
        headers.put("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");

        events.send(opened.aggregateId(), headers, "{not json".getBytes(StandardCharsets.UTF_8));

        await().atMost(TIMEOUT).until(() -> output.getOut().lines()
                .anyMatch(line -> line.contains("Dead-lettering") && line.contains(traceId)));
    }

    /** Publishes the event as incident-service's relay does, with the trace context of the request that caused it. */
    private void publish(IncidentOpened event, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(event, "/sitrep/incident-service"));
        headers.put("traceparent", traceparent);
        events.send(event.aggregateId(), headers, new EventCodec().encode(event));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
