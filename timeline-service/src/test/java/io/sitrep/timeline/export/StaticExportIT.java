package io.sitrep.timeline.export;

import io.sitrep.events.Impact;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.snapshot.PublicDocument;
import io.sitrep.timeline.snapshot.SnapshotContent;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * issue 16: the static export to a directory and to a real S3 server (S3Proxy, in this JVM, in memory) holds the live
 * answers' bytes; a failing export is retried, shows in health and metrics, and never holds back the consumer.
 */
@TestPropertySource(properties = {
        "sitrep.timeline.export.retry-min-backoff=200ms",
        "sitrep.timeline.export.retry-max-backoff=1s",
        "sitrep.timeline.export.s3.bucket=" + StaticExportIT.BUCKET,
        "sitrep.timeline.export.s3.prefix=status/",
        "sitrep.timeline.export.s3.path-style=true",
        "sitrep.timeline.export.s3.region=us-east-1",
        "sitrep.timeline.export.s3.access-key-id=" + StaticExportIT.ACCESS_KEY,
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class StaticExportIT extends IntegrationTest {

    static final String BUCKET = "sitrep-export-test";
    static final String ACCESS_KEY = "export-access-key";
    /** Never in a log line, a health detail or a metric. */
    private static final String SECRET_KEY = "export-secret-" + UUID.randomUUID();
    private static final String CACHE_CONTROL = "public, max-age=5, stale-while-revalidate=30, stale-if-error=86400";
    /** How web servers type files by extension (nginx's and Apache's mime.types): the directory export relies on it. */
    private static final Map<String, String> SUBTYPE_BY_EXTENSION = Map.of("html", "html", "json", "json", "atom", "atom+xml", "rss", "rss+xml", "css", "css");
    private static final S3ProxyJunitCore S3_SERVER = startS3();
    private static final Path DIRECTORY = directory();
    /** A page an earlier run left for an incident this one does not know: the first export removes it. */
    private static final Path LEFT_OVER = DIRECTORY.resolve("incidents/" + UUID.randomUUID() + ".html");

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void exports(DynamicPropertyRegistry registry) {
        registry.add("sitrep.timeline.export.directory", DIRECTORY::toString);
        registry.add("sitrep.timeline.export.s3.endpoint", () -> S3_SERVER.getUri().toString());
        registry.add("sitrep.timeline.export.s3.secret-access-key", () -> SECRET_KEY);
    }

    @AfterAll
    static void stopS3() {
        S3_SERVER.afterEach();
    }

    @Test
    @Order(1)
    void aFailingExportIsRetriedShowsInHealthAndMetricsAndNeverHoldsBackTheConsumer(CapturedOutput output) throws Exception {
        // The bucket does not exist yet: every export to it fails.
        await().atMost(TIMEOUT).until(() -> s3Export().get("consecutiveFailures").asInt() >= 2);
        assertThat(s3Export().get("state").asString()).isEqualTo("failing");
        assertThat(s3Export().get("lastFailure").asString()).isNotBlank();
        String metrics = api.get("/actuator/prometheus").expect(200).body();
        assertThat(metrics).containsPattern("sitrep_timeline_export_consecutive_failures\\{.*target=\"s3\".*\\} [1-9]");
        assertThat(metrics).containsPattern("sitrep_timeline_export_seconds_count\\{.*outcome=\"failure\".*target=\"s3\"");

        IncidentStory story = IncidentStory.of("While the bucket is away " + UUID.randomUUID());
        events.publish(story.open(Impact.MINOR, "Still consumed."));
        awaitIncidentVersion(story.id(), 1);

        assertThat(live("/api/v2/incidents.json")).asString(StandardCharsets.UTF_8).contains(story.title());
        assertThat(s3Export().get("state").asString()).isEqualTo("failing");

        try (S3Client s3 = client()) {
            s3.createBucket(request -> request.bucket(BUCKET));
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(s3Export().get("state").asString()).isEqualTo("current");
                assertThat(object(s3, "status/api/v2/incidents.json").asUtf8String()).contains(story.title());
            });
        }
        assertThat(api.get("/actuator/prometheus").expect(200).body())
                .containsPattern("sitrep_timeline_export_consecutive_failures\\{.*target=\"s3\".*\\} 0");
        assertThat(output.getAll()).doesNotContain(SECRET_KEY);
        assertThat(api.as(ADMIN_KEY).get("/actuator/health").expect(200).body()).doesNotContain(SECRET_KEY);
        assertThat(metrics).doesNotContain(SECRET_KEY);
    }

    @Test
    @Order(2)
    void theBucketHoldsTheLiveBytesOfEveryPublicAnswerWithTheirContentTypeAndCacheControl() throws Exception {
        IncidentStory story = IncidentStory.of("Exported to the bucket " + UUID.randomUUID());
        events.publish(story.open(Impact.MAJOR, "In the bucket."));
        awaitIncidentVersion(story.id(), 1);

        try (S3Client s3 = client()) {
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(snapshots.current().document("/incidents/" + story.id())).isPresent();
                for (PublicDocument document : exported()) {
                    String key = "status/" + (document.path().equals("/") ? "index.html" : document.path().substring(1));
                    ResponseBytes<GetObjectResponse> object = object(s3, key);
                    HttpResponse<byte[]> live = liveResponse(document.path());
                    assertThat(object.asByteArray()).as(key).isEqualTo(live.body());
                    // The same media type; the server may spell the charset in lower case.
                    assertThat(MediaType.parseMediaType(object.response().contentType())).as(key)
                            .isEqualTo(MediaType.parseMediaType(live.headers().firstValue("Content-Type").orElseThrow()));
                    assertThat(object.response().cacheControl()).as(key).isEqualTo(CACHE_CONTROL);
                    assertThat(live.headers().firstValue("Cache-Control")).as(key).hasValue(CACHE_CONTROL);
                    // The live entity tag is the digest of the bytes: the exported object would be answered under the same one.
                    assertThat(live.headers().firstValue("ETag")).as(key).hasValue(etagOf(object.asByteArray()));
                }
            });
        }
    }

    @Test
    @Order(3)
    void theDirectoryHoldsTheLiveBytesOfEveryPublicAnswerAndNothingHalfWritten() throws Exception {
        IncidentStory story = IncidentStory.of("Exported to files " + UUID.randomUUID());
        events.publish(story.open(Impact.MINOR, "On disk."));
        awaitIncidentVersion(story.id(), 1);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(snapshots.current().document("/incidents/" + story.id())).isPresent();
            for (PublicDocument document : exported()) {
                Path file = file(document);
                assertThat(file).as(document.path()).exists();
                HttpResponse<byte[]> live = liveResponse(document.path());
                byte[] exported = Files.readAllBytes(file);
                assertThat(exported).as(document.path()).isEqualTo(live.body());
                // A directory carries no headers: the file's extension gives the type any web server answers it with.
                assertThat(MediaType.parseMediaType(live.headers().firstValue("Content-Type").orElseThrow()).getSubtype()).as(document.path())
                        .isEqualTo(SUBTYPE_BY_EXTENSION.get(extension(file)));
                assertThat(live.headers().firstValue("ETag")).as(document.path()).hasValue(etagOf(exported));
            }
        });
        assertThat(DIRECTORY.resolve("index.html")).exists();
        assertThat(DIRECTORY.resolve("api/v2/summary.json")).exists();
        assertThat(DIRECTORY.resolve("feed.atom")).exists();
        assertThat(DIRECTORY.resolve("history.rss")).exists();
        // A component's feed varies by query, which a static file cannot answer.
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.contains("?"));
        }
        assertThat(DIRECTORY.resolve("incidents/" + story.id() + ".html")).exists();
        assertThat(LEFT_OVER).doesNotExist();
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    /** What the export holds: every answer of the snapshot but those that vary by query. */
    private List<PublicDocument> exported() {
        return snapshots.current().all().stream().filter(document -> !document.path().contains("?")).toList();
    }

    /** issue 16: a directory that cannot be written fails the same way: retried, shown, and the consumer goes on. */
    @Test
    @Order(4)
    void aDirectoryThatCannotBeWrittenIsRetriedShowsInHealthAndMetricsAndNeverHoldsBackTheConsumer() throws Exception {
        // A file where the API's folder should be: nothing under api/ can be written until it is gone.
        Path apiFolder = DIRECTORY.resolve("api");
        deleteRecursively(apiFolder);
        Files.writeString(apiFolder, "in the way");
        IncidentStory story = IncidentStory.of("While the directory is blocked " + UUID.randomUUID());

        events.publish(story.open(Impact.MINOR, "Still consumed."));

        awaitIncidentVersion(story.id(), 1);
        assertThat(live("/api/v2/incidents.json")).asString(StandardCharsets.UTF_8).contains(story.title());
        await().atMost(TIMEOUT).until(() -> directoryExport().get("consecutiveFailures").asInt() >= 2);
        assertThat(directoryExport().get("state").asString()).isEqualTo("failing");
        assertThat(directoryExport().get("lastFailure").asString()).isNotBlank();
        assertThat(api.get("/actuator/prometheus").expect(200).body())
                .containsPattern("sitrep_timeline_export_consecutive_failures\\{.*target=\"directory\".*\\} [1-9]")
                .containsPattern("sitrep_timeline_export_seconds_count\\{.*outcome=\"failure\".*target=\"directory\"");

        Files.delete(apiFolder);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(directoryExport().get("state").asString()).isEqualTo("current");
            assertThat(Files.readString(DIRECTORY.resolve("api/v2/incidents.json"))).contains(story.title());
        });
        assertThat(api.get("/actuator/prometheus").expect(200).body())
                .containsPattern("sitrep_timeline_export_consecutive_failures\\{.*target=\"directory\".*\\} 0");
    }

    private JsonNode directoryExport() {
        JsonNode health = api.as(ADMIN_KEY).get("/actuator/health").expect(200).json();
        return health.get("components").get("export").get("details").get("directory");
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The live answers' entity tag of these bytes: the first 18 bytes of their SHA-256, base64url, quoted. */
    private static String etagOf(byte[] bytes) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private JsonNode s3Export() {
        JsonNode health = api.as(ADMIN_KEY).get("/actuator/health").expect(200).json();
        return health.get("components").get("export").get("details").get("s3");
    }

    private byte[] live(String path) throws IOException, InterruptedException {
        return liveResponse(path).body();
    }

    private HttpResponse<byte[]> liveResponse(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private static Path file(PublicDocument document) {
        if (document.path().equals("/")) {
            return DIRECTORY.resolve("index.html");
        }
        String relative = document.path().substring(1);
        return DIRECTORY.resolve(document.contentType().equals(SnapshotContent.HTML) ? relative + ".html" : relative);
    }

    private static ResponseBytes<GetObjectResponse> object(S3Client s3, String key) {
        return s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key));
    }

    private static S3Client client() {
        return S3Client.builder()
                .endpointOverride(S3_SERVER.getUri())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    private static S3ProxyJunitCore startS3() {
        S3ProxyJunitCore server = new S3ProxyJunitCore.Builder()
                .withCredentials(ACCESS_KEY, SECRET_KEY)
                .withBlobStoreProvider("transient-nio2")
                .build();
        try {
            server.beforeEach();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return server;
    }

    private static Path directory() {
        try {
            Path directory = Files.createTempDirectory("sitrep-export");
            Files.createDirectories(directory.resolve("incidents"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static {
        try {
            Files.writeString(LEFT_OVER, "<p>an incident this run does not know</p>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
