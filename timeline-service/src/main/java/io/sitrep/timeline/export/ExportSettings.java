package io.sitrep.timeline.export;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The static export: after every public snapshot, its answers are written out as files, so that any web server, CDN or
 * object store can serve the page while Sitrep itself is away.
 *
 * @param directory       write the export into this directory (created if missing); empty: no export to a directory
 * @param retryMinBackoff a failed export is tried again after this long, doubling with each failure in a row
 * @param retryMaxBackoff up to this long
 * @param s3              the export to an S3-compatible bucket
 */
@Validated
@ConfigurationProperties("sitrep.timeline.export")
public record ExportSettings(
        @DefaultValue("") @NotNull String directory,
        @DefaultValue("1s") @NotNull Duration retryMinBackoff,
        @DefaultValue("1m") @NotNull Duration retryMaxBackoff,
        @DefaultValue @Valid S3 s3) {

    public ExportSettings {
        if (retryMinBackoff.isNegative() || retryMinBackoff.isZero() || retryMaxBackoff.compareTo(retryMinBackoff) < 0) {
            throw new IllegalArgumentException("sitrep.timeline.export.retry-min-backoff must be positive and at most retry-max-backoff");
        }
    }

    /**
     * An S3-compatible bucket (AWS S3, MinIO, Ceph, R2, ...). Objects are written with their content type and the public
     * answers' {@code Cache-Control}.
     *
     * @param bucket          the bucket to write to; empty: no export to S3
     * @param prefix          a key prefix, e.g. {@code status/}; empty: the bucket's root
     * @param endpoint        the service's URL, e.g. {@code http://127.0.0.1:9000}; empty: AWS's endpoint for the region
     * @param region          the signing region
     * @param pathStyle       address the bucket in the path ({@code endpoint/bucket/key}) rather than the host name; most
     *                        S3-compatible servers need it
     * @param accessKeyId     the access key id; empty: the AWS SDK's default credential chain (environment, profile, instance role)
     * @param secretAccessKey the secret access key, from the environment only ({@code SITREP_TIMELINE_EXPORT_S3_SECRET_ACCESS_KEY});
     *                        never logged
     * @param timeout         each call to the bucket must end within this long
     */
    public record S3(
            @DefaultValue("") @NotNull String bucket,
            @DefaultValue("") @NotNull @Pattern(regexp = "^$|^[^/].*/$", message = "must be empty or end with '/' and not start with one") String prefix,
            @DefaultValue("") @NotNull @Pattern(regexp = "^$|^https?://\\S+$", message = "must be empty or an http(s) URL") String endpoint,
            @DefaultValue("us-east-1") @NotBlank String region,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("") @NotNull String accessKeyId,
            @DefaultValue("") @NotNull String secretAccessKey,
            @DefaultValue("10s") @NotNull Duration timeout) {

        public boolean enabled() {
            return !bucket.isBlank();
        }

        /** Never the secret. */
        @Override
        public String toString() {
            return "S3[bucket=" + bucket + ", prefix=" + prefix + ", endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle
                    + ", accessKeyId=" + (accessKeyId.isEmpty() ? "" : "(set)") + ", secretAccessKey=" + (secretAccessKey.isEmpty() ? "" : "(set)")
                    + ", timeout=" + timeout + "]";
        }
    }
}
