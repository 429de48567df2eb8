package io.sitrep.timeline.export;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.timeline.snapshot.SnapshotSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Wires the static exports that are configured (a directory, a bucket, both or none) and their health. */
@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExportConfiguration.class);

    @Bean(destroyMethod = "stop")
    StaticExports staticExports(ExportSettings settings, SnapshotSettings snapshot, Clock clock, MeterRegistry registry) {
        List<SnapshotExport> exports = new ArrayList<>();
        if (!settings.directory().isBlank()) {
            exports.add(new SnapshotExport(new DirectoryTarget(Path.of(settings.directory())), settings, snapshot.cacheControl(), clock, registry));
            log.info("Exporting the public snapshot to the directory {}", settings.directory());
        }
        if (settings.s3().enabled()) {
            exports.add(new SnapshotExport(new S3Target(settings.s3()), settings, snapshot.cacheControl(), clock, registry));
            log.info("Exporting the public snapshot to the bucket {} (prefix '{}')", settings.s3().bucket(), settings.s3().prefix());
        }
        return new StaticExports(exports);
    }

    /** Each export's state; a failing export keeps the status up (the live answers are unaffected) and says so in its details. */
    @Bean
    HealthIndicator exportHealthIndicator(StaticExports exports) {
        return new AbstractHealthIndicator("Export health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                builder.up().withDetails(exports.describe());
                if (!exports.any()) {
                    builder.withDetail("state", "off");
                }
            }
        };
    }
}
