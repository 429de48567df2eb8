package io.sitrep.timeline.stream;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.SseClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security hardening of the live stream, over real HTTP: connections that are dropped free their slots
 * at once, and one client address cannot hold more than its share of streams.
 */
class StreamLimitsIT extends IntegrationTest {

    /** Less than the heartbeat interval of the tests (1 s): a slot freed only by a failing heartbeat comes later than this. */
    private static final Duration AT_ONCE = Duration.ofMillis(900);

    @Autowired
    EventStream stream;

    @Autowired
    StreamSettings settings;

    /** The cap per address, as the tests configure it. */
    private int cap;

    @BeforeEach
    void cap() {
        cap = settings.maxClientsPerAddress();
    }

    private String url() {
        return api.baseUrl() + "/api/v1/stream";
    }

    // Security hardening: 1000 connect-and-drop requests locked every other reader out until heartbeats failed.
    @Test
    void aBurstOfDroppedConnectionsLeavesTheStreamOpenToOthersAtOnce() throws IOException {
        String address = "198.51.100.7";

        for (int i = 0; i < 300; i++) {
            connectAndDrop(address, i % 2 == 0);
        }

        assertThat(stream.clients(address)).as("held by one address at most").isLessThanOrEqualTo(cap);
        // The worst case, made sure of: every slot of the address held by a connection that went away after its stream began.
        await().atMost(TIMEOUT).until(() -> stream.clients(address) == 0);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(5)).until(() -> {
            if (stream.clients(address) < cap) {
                connectAndDrop(address, true);
            }
            return stream.clients(address) == cap;
        });
        try (SseClient other = SseClient.connect(url(), null, Map.of("X-Forwarded-For", "198.51.100.8"))) {
            assertThat(other.status()).as("another address connects at once").isEqualTo(200);
            SseClient[] again = new SseClient[1];
            await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(50)).until(() -> {
                SseClient attempt = SseClient.connect(url(), null, Map.of("X-Forwarded-For", address));
                if (attempt.status() == 200) {
                    again[0] = attempt;
                    return true;
                }
                attempt.close();
                return false;
            });
            try (SseClient sameAddress = again[0]) {
                IncidentStory story = IncidentStory.of("After the burst");
                IncidentOpened opened = story.open(Impact.MINOR, "Still streamed.");

                events.publish(opened);

                other.awaitEvent(opened.eventId().toString(), TIMEOUT);
                sameAddress.awaitEvent(opened.eventId().toString(), TIMEOUT);
            }
        }
    }

    @Test
    void oneAddressGetsAtMostItsCapOfStreamsWhileAnotherStillConnects() {
        String crowded = "203.0.113.20";
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < cap; i++) {
                SseClient client = SseClient.connect(url(), null, Map.of("X-Forwarded-For", "192.0.2.1, " + crowded));
                clients.add(client);
                assertThat(client.status()).isEqualTo(200);
            }
            assertThat(stream.clients(crowded)).as("every stream of the address still open").isEqualTo(cap);

            SseClient refused = SseClient.connect(url(), null, Map.of("X-Forwarded-For", crowded));
            clients.add(refused);
            SseClient other = SseClient.connect(url(), null, Map.of("X-Forwarded-For", "203.0.113.21"));
            clients.add(other);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.retryAfter()).isNotBlank();
            assertThat(other.status()).isEqualTo(200);
            IncidentStory story = IncidentStory.of("Another address");
            IncidentOpened opened = story.open(Impact.MINOR, "Reaches the other address.");
            events.publish(opened);
            other.awaitEvent(opened.eventId().toString(), TIMEOUT);
            assertThat(stream.clients(crowded)).isEqualTo(cap);
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    /** Sends a stream request and closes the connection, right away or once the answer has begun. */
    private void connectAndDrop(String address, boolean afterTheFirstBytes) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nX-Forwarded-For: " + address
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (afterTheFirstBytes) {
                socket.setSoTimeout(5000);
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[512];
                StringBuilder seen = new StringBuilder();
                int read;
                // A stream starts with ':connected'; a refusal (429) is a whole answer: its headers are enough.
                while (!seen.toString().contains(":connected") && !(seen.toString().contains("\r\n\r\n") && !seen.toString().startsWith("HTTP/1.1 200"))
                        && (read = in.read(buffer)) > 0) {
                    seen.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
                }
            }
        }
    }
}
