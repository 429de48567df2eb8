package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.Impact;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue 16: plain public reads are answered from the snapshot ahead of the filter chain, with exactly the headers and
 * bytes the chain gives the same read; anything else still goes through the chain.
 */
class SnapshotFastPathIT extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private MeterRegistry registry;

    // issue 16: the fast path moved ahead of the servlet context, as a valve writing every header as bytes; every public
    // path must still carry exactly the chain's headers and bytes, full and revalidated, gzipped and not, and for HEAD.
    @Test
    void aPlainReadOfEverySnapshotPathIsAnsweredAheadOfTheChainWithTheChainsHeadersAndBytes() throws Exception {
        IncidentStory story = IncidentStory.of("Fast " + UUID.randomUUID());
        events.publish(story.open(Impact.MINOR, "Fast."));
        awaitIncidentVersion(story.id(), 1);
        awaitSnapshot();
        List<String> paths = new ArrayList<>(PublicSnapshotIT.SNAPSHOT_PATHS);
        paths.add("/incidents/" + story.id());
        paths.add("/fragments/summary");

        for (String path : paths) {
            for (String encoding : List.of("identity", "gzip")) {
                String as = path + " " + encoding;
                get(path, encoding);
                double before = fastAnswers();

                HttpResponse<byte[]> fast = get(path, encoding);
                HttpResponse<byte[]> throughTheChain = get(path + "?via=chain", encoding);
                String etag = fast.headers().firstValue("ETag").orElseThrow();
                HttpResponse<byte[]> revalidated = get(path, encoding, "If-None-Match", etag);
                HttpResponse<byte[]> revalidatedThroughTheChain = get(path + "?via=chain", encoding, "If-None-Match", etag);
                HttpResponse<byte[]> head = head(path, encoding);
                HttpResponse<byte[]> headThroughTheChain = head(path + "?via=chain", encoding);

                assertThat(fastAnswers()).as(as).isEqualTo(before + 3);
                assertThat(fast.statusCode()).as(as).isEqualTo(200);
                assertThat(headersOf(fast)).as(as).isEqualTo(headersOf(throughTheChain));
                assertThat(fast.body()).as(as).isEqualTo(throughTheChain.body());
                assertThat(fast.headers().firstValue("Date")).as(as).isPresent();
                assertThat(revalidated.statusCode()).as(as).isEqualTo(304);
                assertThat(revalidatedThroughTheChain.statusCode()).as(as).isEqualTo(304);
                assertThat(headersOf(revalidated)).as(as).isEqualTo(headersOf(revalidatedThroughTheChain));
                assertThat(revalidated.body()).as(as).isEmpty();
                assertThat(head.statusCode()).as(as).isEqualTo(200);
                assertThat(headersOf(head)).as(as).isEqualTo(headersOf(headThroughTheChain));
                assertThat(head.body()).as(as).isEmpty();
            }
        }
    }

    // issue 16: only the exact spelling of a public path, read with GET or HEAD and without a body, is answered ahead of
    // the chain; every other request still meets the firewall, Spring Security and the body size limit.
    @Test
    void oddSpellingsOtherMethodsAndReadsWithABodyGoThroughTheChain() throws Exception {
        awaitSnapshot();
        get("/", "identity");
        get("/api/v2/summary.json", "identity");
        double before = fastAnswers();

        Map<String, Integer> spellings = new TreeMap<>();
        for (String odd : List.of("/%2e/", "//", "/./", "/;jsessionid=0123456789ABCDEF", "/api/v2/summary.json;jsessionid=0123",
                "/api/v2/summary.json.", "/api/v2/summary.json%20", "/api/v2/%73ummary.json", "/api/v2/./summary.json",
                "/API/v2/summary.json", "/api/v2/summary.json/")) {
            spellings.put(odd, get(odd, "identity").statusCode());
        }
        HttpResponse<byte[]> posted = send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> options = send(HttpRequest.newBuilder(uri("/api/v2/summary.json")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> withABody = send(HttpRequest.newBuilder(uri("/api/v2/summary.json"))
                .method("GET", HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(fastAnswers()).isEqualTo(before);
        // The firewall refuses these spellings; the others reach Spring MVC as they would have before.
        assertThat(spellings).as("the firewall's answers").containsEntry("/%2e/", 400).containsEntry("//", 400)
                .containsEntry("/;jsessionid=0123456789ABCDEF", 400).containsEntry("/api/v2/summary.json;jsessionid=0123", 400);
        assertThat(posted.statusCode()).isNotEqualTo(200);
        assertThat(options.headers().firstValue("Allow")).isPresent();
        assertThat(options.body()).isEmpty();
        assertThat(withABody.statusCode()).isEqualTo(200);
    }

    @Test
    void aRevalidationAndAHeadAreAnsweredAheadOfTheChainAsTheChainAnswersThem() throws Exception {
        awaitSnapshot();
        String etag = get("/api/v2/summary.json", "gzip").headers().firstValue("ETag").orElseThrow();
        double before = fastAnswers();

        HttpResponse<byte[]> revalidated = get("/api/v2/summary.json", "gzip", "If-None-Match", etag);
        HttpResponse<byte[]> revalidatedThroughTheChain = get("/api/v2/summary.json?via=chain", "gzip", "If-None-Match", etag);
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/api/v2/summary.json")).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(fastAnswers()).isEqualTo(before + 2);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(headersOf(revalidated)).isEqualTo(headersOf(revalidatedThroughTheChain));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aReadWithAnOriginAKeyOrAnAcceptTheDocumentDoesNotMeetGoesThroughTheChain() throws Exception {
        awaitSnapshot();
        get("/api/v2/summary.json", "identity");
        double before = fastAnswers();

        HttpResponse<byte[]> crossOrigin = get("/api/v2/summary.json", "identity", "Origin", "https://customer.example");
        HttpResponse<byte[]> withAKey = get("/api/v2/summary.json", "identity", "Authorization", "Bearer not-a-key");
        HttpResponse<byte[]> wantsHtml = get("/api/v2/summary.json", "identity", "Accept", "text/html");
        HttpResponse<byte[]> refusesJson = get("/api/v2/summary.json", "identity", "Accept", "application/json;q=0, */*");
        HttpResponse<byte[]> anotherSpelling = get("/api/v2//summary.json", "identity");

        assertThat(fastAnswers()).isEqualTo(before);
        assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        assertThat(withAKey.statusCode()).isEqualTo(401);
        assertThat(wantsHtml.statusCode()).isEqualTo(get("/api/v2/summary.json?via=chain", "identity", "Accept", "text/html").statusCode());
        assertThat(refusesJson.statusCode()).isEqualTo(get("/api/v2/summary.json?via=chain", "identity", "Accept", "application/json;q=0, */*").statusCode());
        assertThat(anotherSpelling.statusCode()).isEqualTo(400);
    }

    private double fastAnswers() {
        return registry.get("sitrep.timeline.snapshot.fast.answers").counter().count();
    }

    /** Every header but the date, names in lower case, values in order. */
    private static Map<String, List<String>> headersOf(HttpResponse<byte[]> response) {
        HttpHeaders headers = response.headers();
        Map<String, List<String>> all = new TreeMap<>(headers.map());
        all.remove("date");
        return all;
    }

    private HttpResponse<byte[]> get(String path, String encoding, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Encoding", encoding).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpResponse<byte[]> head(String path, String encoding) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept-Encoding", encoding).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
