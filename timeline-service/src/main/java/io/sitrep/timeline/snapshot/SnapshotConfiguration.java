package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** Wires the public snapshot: its builds, its answers and its health. */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    /** The read every snapshot is rendered from: read-only, repeatable read, bounded in time. */
    private static final int READ_TIMEOUT_SECONDS = 10;

    @Bean
    PublicSnapshots publicSnapshots(ObjectProvider<PublicSurface> surfaces, PlatformTransactionManager transactionManager, JsonMapper json,
                                    Clock clock, SnapshotSettings settings, ApplicationEventPublisher events, MeterRegistry registry) {
        TransactionTemplate read = new TransactionTemplate(transactionManager);
        read.setReadOnly(true);
        read.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        read.setTimeout(READ_TIMEOUT_SECONDS);
        read.setName("public-snapshot");
        return new PublicSnapshots(() -> surfaces.orderedStream().toList(), read, json, clock, settings, events, registry);
    }

    @Bean
    SnapshotAnswers snapshotAnswers(PublicSnapshots snapshots, SnapshotSettings settings) {
        return new SnapshotAnswers(snapshots, settings);
    }

    /** Public answers from the snapshot go unobserved while reads are public; see {@link UnobservedSnapshotAnswers}. */
    @Bean
    @ConditionalOnBooleanProperty(name = "sitrep.timeline.public-reads", matchIfMissing = true)
    ObservationPredicate unobservedSnapshotAnswers(PublicSnapshots snapshots) {
        return new UnobservedSnapshotAnswers(snapshots);
    }

    /**
     * Plain public reads answered from the snapshot ahead of the servlet context, while reads are public: a valve of
     * Tomcat's engine, so that neither the context's valves nor any filter spend work on them. See {@link SnapshotFastPath}.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "sitrep.timeline.public-reads", matchIfMissing = true)
    SnapshotFastPath snapshotFastPath(PublicSnapshots snapshots, SnapshotSettings settings, MeterRegistry registry) {
        return new SnapshotFastPath(snapshots, settings, registry);
    }

    /**
     * Adds the fast path to the engine's valves. Unordered, so it comes after Spring Boot's own customizer (order 0) and
     * thus after the valve that applies forwarded headers when one is configured: the scheme it learns headers by is the
     * client's.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "sitrep.timeline.public-reads", matchIfMissing = true)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> snapshotFastPathValve(SnapshotFastPath fastPath) {
        return factory -> factory.addEngineValves(fastPath);
    }

    @Bean
    HealthIndicator snapshotHealthIndicator(PublicSnapshots snapshots) {
        return new SnapshotHealthIndicator(snapshots);
    }
}
