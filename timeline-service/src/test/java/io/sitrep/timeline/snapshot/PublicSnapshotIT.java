package io.sitrep.timeline.snapshot;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.SitrepEvent;
import io.sitrep.testsupport.EventPublisher;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** issue 16: every public answer comes from one snapshot, as ready bytes, with validators and cache headers. */
class PublicSnapshotIT extends IntegrationTest {

    static final List<String> SNAPSHOT_PATHS = List.of("/", "/feed.atom", "/api/v2/summary.json", "/api/v2/status.json",
            "/api/v2/components.json", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
            "/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/active.json");
    static final String CACHE_CONTROL = "public, max-age=5, stale-while-revalidate=30, stale-if-error=86400";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STEP = Pattern.compile("step (\\d+)");
    /** The status the consistency test writes at step n (n ≥ 1): {@code CYCLE[n % 3]}; step 0 opens the incident investigating. */
    private static final IncidentStatus[] CYCLE = {IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING, IncidentStatus.INVESTIGATING};

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyPublicPathAnswersWithAStrongEtagLastModifiedAndCacheControlAndA304ForTheCurrentTag() throws Exception {
        IncidentStory story = IncidentStory.of("Cached " + UUID.randomUUID());
        events.publish(story.open(Impact.MINOR, "Cached."));
        awaitIncidentVersion(story.id(), 1);
        List<String> paths = new ArrayList<>(SNAPSHOT_PATHS);
        paths.add("/incidents/" + story.id());

        for (String path : paths) {
            await().atMost(TIMEOUT).untilAsserted(() -> {
                HttpResponse<byte[]> full = get(path);
                String etag = full.headers().firstValue("ETag").orElseThrow();

                HttpResponse<byte[]> revalidated = get(path, "If-None-Match", etag);
                HttpResponse<byte[]> sinceModified = get(path, "If-Modified-Since", full.headers().firstValue("Last-Modified").orElseThrow());

                assertThat(full.statusCode()).as(path).isEqualTo(200);
                assertThat(etag).as(path).matches("\"[A-Za-z0-9_-]{24}\"");
                assertThat(full.headers().firstValue("Cache-Control")).as(path).hasValue(CACHE_CONTROL);
                assertThat(String.join(",", full.headers().allValues("Vary"))).as(path).contains("Accept-Encoding");
                assertThat(full.body()).as(path).isNotEmpty();
                assertThat(revalidated.statusCode()).as(path).isEqualTo(304);
                assertThat(revalidated.body()).as(path).isEmpty();
                assertThat(revalidated.headers().firstValue("ETag")).as(path).hasValue(etag);
                assertThat(revalidated.headers().firstValue("Cache-Control")).as(path).hasValue(CACHE_CONTROL);
                assertThat(sinceModified.statusCode()).as(path).isEqualTo(304);
            });
        }
    }

    @Test
    void aClientThatAcceptsGzipGetsTheSameBytesGzippedUnderATagOfTheirOwn() throws Exception {
        for (String path : SNAPSHOT_PATHS) {
            await().atMost(TIMEOUT).untilAsserted(() -> {
                HttpResponse<byte[]> plain = get(path);
                HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip, deflate");
                HttpResponse<byte[]> refused = get(path, "Accept-Encoding", "gzip;q=0, identity");

                assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
                assertThat(gunzip(gzipped.body())).as(path).isEqualTo(plain.body());
                assertThat(gzipped.headers().firstValue("ETag").orElseThrow()).as(path).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
                assertThat(refused.headers().firstValue("Content-Encoding")).as(path).isEmpty();
                assertThat(refused.body()).as(path).isEqualTo(plain.body());
            });
        }
    }

    @Test
    void anOlderIncidentsPageIsRenderedOnRequestWithTheSameValidators() throws Exception {
        IncidentStory old = IncidentStory.startingAt("Older " + UUID.randomUUID(), Instant.parse("2001-03-01T10:00:00Z"));
        events.publish(old.open(Impact.MINOR, "Old news."), old.resolve("Long fixed."));
        List<IncidentStory> newer = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            newer.add(IncidentStory.of("Newer " + i));
        }
        events.publish(newer.stream().map(story -> story.open(Impact.NONE, "Newer.")).toArray(SitrepEvent[]::new));
        awaitIncidentVersion(old.id(), 2);
        newer.forEach(story -> awaitIncidentVersion(story.id(), 1));
        String path = "/incidents/" + old.id();

        HttpResponse<byte[]> full = get(path);
        HttpResponse<byte[]> revalidated = get(path, "If-None-Match", full.headers().firstValue("ETag").orElseThrow());
        HttpResponse<byte[]> unknown = get("/incidents/" + UUID.randomUUID());

        assertThat(snapshots.current().document(path)).as("neither open, nor recent, nor in the history").isEmpty();
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(new String(full.body(), StandardCharsets.UTF_8)).contains("Long fixed.");
        assertThat(full.headers().firstValue("Cache-Control")).hasValue(CACHE_CONTROL);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    /** issue 16: buffering proxies held stream events back, and every view logged a 404 for the favicon. */
    @Test
    void theStreamIsNeitherCachedNorHeldBackByProxiesAndTheFaviconIsServed() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/stream"))
                // From an address of its own: the server frees a stream's slot only at its next write.
                .header("Accept", "text/event-stream").header("X-Forwarded-For", "198.51.100.160").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream ignored = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().allValues("Cache-Control")).containsExactly("no-cache");
            assertThat(stream.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        }

        HttpResponse<byte[]> favicon = get("/favicon.ico");

        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type").orElse("")).containsAnyOf("image/x-icon", "image/vnd.microsoft.icon");
        assertThat(Arrays.copyOf(favicon.body(), 4)).containsExactly(0, 0, 1, 0);
    }

    /** issue 16: six queries in six transactions could show an incident's new status above its old timeline. */
    @Test
    void aPageNeverShowsAnIncidentsNewStatusWithItsOldTimeline() throws Exception {
        IncidentStory story = IncidentStory.of("Consistent " + UUID.randomUUID());
        events.publish(story.open(Impact.MAJOR, "step 0"));
        awaitIncidentVersion(story.id(), 1);
        int steps = 60;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> inconsistencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answers = new AtomicInteger();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());

        CompletableFuture<Void> readers = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> keepChecking(story.id(), "/api/v2/incidents/unresolved.json", writing, inconsistencies, answers, seen)),
                CompletableFuture.runAsync(() -> keepChecking(story.id(), "/api/v2/summary.json", writing, inconsistencies, answers, seen)),
                CompletableFuture.runAsync(() -> keepChecking(story.id(), "/api/v2/incidents.json", writing, inconsistencies, answers, seen)),
                CompletableFuture.runAsync(() -> keepChecking(story.id(), "/incidents/" + story.id(), writing, inconsistencies, answers, seen)),
                CompletableFuture.runAsync(() -> keepChecking(story.id(), "/", writing, inconsistencies, answers, seen)));
        try (EventPublisher writer = EventPublisher.to(TOPIC)) {
            for (int step = 1; step <= steps; step++) {
                writer.publish(story.update(CYCLE[step % CYCLE.length], Impact.MAJOR, "step " + step));
            }
        }
        awaitIncidentVersion(story.id(), steps + 1);
        writing.set(false);
        readers.join();

        assertThat(inconsistencies).isEmpty();
        assertThat(answers.get()).isGreaterThan(40);
        assertThat(seen.stream().distinct().count()).as("versions seen while writing").isGreaterThan(2);
        assertThat(check(story.id(), "/api/v2/incidents/unresolved.json", get("/api/v2/incidents/unresolved.json"))).isEqualTo(steps);
    }

    private void keepChecking(UUID id, String path, AtomicBoolean writing, List<String> inconsistencies, AtomicInteger answers, List<Integer> seen) {
        while (writing.get()) {
            try {
                HttpResponse<byte[]> response = get(path);
                answers.incrementAndGet();
                Integer step = check(id, path, response);
                if (step != null) {
                    seen.add(step);
                }
            } catch (AssertionError | RuntimeException e) {
                inconsistencies.add(path + ": " + e.getMessage());
            } catch (Exception e) {
                inconsistencies.add(path + ": " + e);
            }
        }
    }

    /**
     * The incident in one answer agrees with itself: its status is its newest update's status, and it has exactly as many
     * updates as its newest says there are ("step n" is the n+1th). Returns n; null when the answer does not show it.
     */
    private static Integer check(UUID id, String path, HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (path.startsWith("/api/v2/")) {
            for (JsonNode incident : JSON.readTree(body).get("incidents")) {
                if (incident.get("id").asString().equals(id.toString())) {
                    JsonNode updates = incident.get("incident_updates");
                    int newest = step(updates.get(0).get("body").asString());
                    assertThat(incident.get("status").asString()).as(path + " status").isEqualTo(updates.get(0).get("status").asString());
                    assertThat(updates.size()).as(path + " updates at step " + newest).isEqualTo(newest + 1);
                    // Against the version written at that step, not only against itself.
                    assertThat(incident.get("status").asString()).as(path + " status at step " + newest).isEqualTo(writtenStatus(newest));
                    return newest;
                }
            }
            return null;
        }
        int start = body.indexOf("<article class=\"incident");
        for (; start >= 0; start = body.indexOf("<article class=\"incident", start + 1)) {
            int end = body.indexOf("</article>", start);
            String article = body.substring(start, end);
            if (!article.contains("id=\"incident-" + id + "\"")) {
                continue;
            }
            Matcher status = Pattern.compile("<p class=\"meta\">([^<&]+) &middot; impact").matcher(article);
            Matcher newestEntry = Pattern.compile("<li><strong>([^<]+)</strong>\\s*(?:<[^>]+>)*step (\\d+)").matcher(article);
            assertThat(status.find()).as(path + " shows a status").isTrue();
            assertThat(newestEntry.find()).as(path + " shows an update").isTrue();
            int newest = Integer.parseInt(newestEntry.group(2));
            assertThat(status.group(1).strip()).as(path + " status").isEqualTo(newestEntry.group(1).strip());
            Matcher steps = STEP.matcher(article);
            int count = 0;
            while (steps.find()) {
                count++;
            }
            assertThat(count).as(path + " updates at step " + newest).isEqualTo(newest + 1);
            return newest;
        }
        return null;
    }

    private static String writtenStatus(int step) {
        return step == 0 ? IncidentStatus.INVESTIGATING.wireName() : CYCLE[step % CYCLE.length].wireName();
    }

    private static int step(String message) {
        Matcher matcher = STEP.matcher(message);
        assertThat(matcher.find()).as("a step in '" + message + "'").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
