package io.sitrep.timeline.snapshot;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The validators and encodings of an answer from the snapshot. */
class SnapshotAnswersTest {

    private final SnapshotSettings settings = new SnapshotSettings(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofDays(1));
    private final SnapshotAnswers answers = new SnapshotAnswers(null, settings);
    private final PublicDocument document = PublicDocument.of("/x.json", SnapshotContent.JSON, "{\"a\":1}".getBytes(),
            Instant.parse("2026-12-01T10:00:00.750Z"));

    @Test
    void aFullAnswerCarriesTheStrongTagLastModifiedToTheSecondAndTheConfiguredCacheControl() {
        var response = answers.answer(document, new MockHttpServletRequest("GET", "/x.json"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getETag()).isEqualTo(document.etag()).doesNotStartWith("W/");
        assertThat(response.getHeaders().getLastModified()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("public, max-age=5, stale-while-revalidate=30, stale-if-error=86400");
        assertThat(response.getBody()).isEqualTo("{\"a\":1}".getBytes());
    }

    @Test
    void anyListedTagOfEitherRepresentationIsNotModifiedWeakOrStrong() {
        for (String ifNoneMatch : new String[] {document.etag(), "\"other\", " + document.etag(), "W/" + document.etag(), document.gzipEtag(), "*"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x.json");
            request.addHeader("If-None-Match", ifNoneMatch);

            var response = answers.answer(document, request);

            assertThat(response.getStatusCode().value()).as(ifNoneMatch).isEqualTo(304);
            assertThat(response.getBody()).as(ifNoneMatch).isNull();
        }
    }

    @Test
    void anotherTagIsAFullAnswerEvenWhenIfModifiedSinceWouldMatch() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x.json");
        request.addHeader("If-None-Match", "\"stale\"");
        request.addHeader("If-Modified-Since", "Tue, 01 Dec 2026 11:00:00 GMT");

        assertThat(answers.answer(document, request).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void ifModifiedSinceAloneIsNotModifiedFromTheSecondOfTheChangeOn() {
        MockHttpServletRequest same = new MockHttpServletRequest("GET", "/x.json");
        same.addHeader("If-Modified-Since", "Tue, 01 Dec 2026 10:00:00 GMT");
        MockHttpServletRequest earlier = new MockHttpServletRequest("GET", "/x.json");
        earlier.addHeader("If-Modified-Since", "Tue, 01 Dec 2026 09:59:59 GMT");

        assertThat(answers.answer(document, same).getStatusCode().value()).isEqualTo(304);
        assertThat(answers.answer(document, earlier).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void gzipIsSentOnlyWhenAcceptedWithAPositiveWeight() {
        assertThat(accepts("gzip")).isTrue();
        assertThat(accepts("br, GZIP;q=0.5")).isTrue();
        assertThat(accepts("gzip;q=0")).isFalse();
        assertThat(accepts("identity")).isFalse();
        assertThat(accepts(null)).isFalse();
    }

    private static boolean accepts(String acceptEncoding) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (acceptEncoding != null) {
            request.addHeader("Accept-Encoding", acceptEncoding);
        }
        return SnapshotAnswers.acceptsGzip(request);
    }
}
