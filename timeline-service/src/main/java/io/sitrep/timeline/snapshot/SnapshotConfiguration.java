package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
     * Plain public reads answered from the snapshot ahead of the filter chain, while reads are public; first of all the
     * filters, so that none of their work is spent on them. See {@link SnapshotFastPath}.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "sitrep.timeline.public-reads", matchIfMissing = true)
    FilterRegistrationBean<SnapshotFastPath> snapshotFastPath(PublicSnapshots snapshots, SnapshotAnswers answers, MeterRegistry registry) {
        FilterRegistrationBean<SnapshotFastPath> registration = new FilterRegistrationBean<>(new SnapshotFastPath(snapshots, answers, registry));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    HealthIndicator snapshotHealthIndicator(PublicSnapshots snapshots) {
        return new SnapshotHealthIndicator(snapshots);
    }
}
