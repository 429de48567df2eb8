package io.sitrep.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link Traces} over the service's tracer and propagator when it has them (Micrometer Tracing with
 * a bridge), and a no-op otherwise. The tracer is looked up when the bean is made, after every
 * bean definition is known, so the order of auto-configurations does not matter.
 */
@AutoConfiguration
public class TracingSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfUnique();
        Propagator p = propagator.getIfUnique();
        return t == null || p == null ? Traces.none() : new Traces(t, p);
    }
}
