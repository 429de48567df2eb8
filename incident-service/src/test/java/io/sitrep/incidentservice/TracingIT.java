package io.sitrep.incidentservice;

import io.sitrep.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** One trace per incident change: the trace of the request reaches every record it caused, through the outbox (ADR 0007). */
class TracingIT extends IntegrationTest {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

    @Test
    void theRecordsOfARequestCarryItsTraceIdInTheirTraceparentHeader() {
        String component = aComponent("traced", "Traced");
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);

        String id = api.send("POST", "/api/v1/incidents", """
                        {"title":"Traced","message":"We are looking into it.","impact":"major",
                         "components":[{"id":"%s","status":"major_outage"}]}""".formatted(component),
                Map.of("traceparent", "00-" + traceId + "-" + callerSpanId + "-01"))
                .expect(201).json().get("id").asString();

        ConsumerRecord<String, byte[]> opened = awaitEvents(id, 1).get(0);
        ConsumerRecord<String, byte[]> componentChanged = awaitEvents(component, 2).get(1);
        for (ConsumerRecord<String, byte[]> record : List.of(opened, componentChanged)) {
            String traceparent = TopicReader.headers(record).get("traceparent");
            assertThat(traceparent).matches(TRACEPARENT);
            assertThat(traceparent.split("-")[1]).as("trace id").isEqualTo(traceId);
            // The parent is the service's own span of the request, a child of the caller's.
            assertThat(traceparent.split("-")[2]).as("parent span id").isNotEqualTo(callerSpanId);
            assertThat(traceparent).endsWith("-01");
        }
        assertThat(TopicReader.headers(opened)).containsEntry("ce_type", "incident.opened");
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceOfItsOwnThatItsRecordsCarry() {
        String first = anOpenIncident("Untraced one");
        String second = anOpenIncident("Untraced two");

        String firstTrace = TopicReader.headers(awaitEvents(first, 1).get(0)).get("traceparent");
        String secondTrace = TopicReader.headers(awaitEvents(second, 1).get(0)).get("traceparent");

        assertThat(firstTrace).matches(TRACEPARENT);
        assertThat(secondTrace).matches(TRACEPARENT);
        assertThat(firstTrace.split("-")[1]).isNotEqualTo(secondTrace.split("-")[1]);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
