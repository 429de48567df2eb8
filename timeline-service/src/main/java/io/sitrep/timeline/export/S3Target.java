package io.sitrep.timeline.export;

import io.sitrep.timeline.snapshot.PublicDocument;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The export as objects in an S3-compatible bucket, keyed by the paths they answer under the prefix: {@code index.html}
 * for {@code /}, {@code incidents/{id}} for an incident's page (an object store needs no extension: each object carries
 * its {@code Content-Type}), {@code api/v2/summary.json}, {@code feed.atom}, {@code history.rss}. Each object also carries the public answers'
 * {@code Cache-Control}. A PUT replaces an object whole, so readers see the old bytes or the new ones.
 */
final class S3Target implements ExportTarget, AutoCloseable {

    private static final String INCIDENTS = "incidents/";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3Target(ExportSettings.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                // Checksums only where the operation needs them: not every S3-compatible server knows the newer ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(settings.timeout())
                        .apiCallAttemptTimeout(settings.timeout())
                        .build());
        if (!settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
    }

    private static AwsCredentialsProvider credentials(ExportSettings.S3 settings) {
        if (settings.accessKeyId().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    }

    @Override
    public String name() {
        return "s3";
    }

    /** The object key that holds a path's answer. */
    String keyOf(String path) {
        return prefix + (path.equals("/") ? "index.html" : path.substring(1));
    }

    @Override
    public Set<String> existingIncidentPages() {
        Set<String> pages = new LinkedHashSet<>();
        String incidents = prefix + INCIDENTS;
        for (S3Object object : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(incidents).build()).contents()) {
            pages.add("/" + object.key().substring(prefix.length()));
        }
        return pages;
    }

    @Override
    public void write(PublicDocument document, String cacheControl) {
        s3.putObject(PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(keyOf(document.path()))
                        .contentType(document.contentType())
                        .cacheControl(cacheControl)
                        .build(),
                RequestBody.fromBytes(document.body()));
    }

    @Override
    public void delete(String path) {
        s3.deleteObject(request -> request.bucket(bucket).key(keyOf(path)));
    }

    @Override
    public void close() {
        s3.close();
    }
}
