package io.sitrep.support.security;

import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.support.web.ProblemWriter;
import io.sitrep.support.web.WebSupportAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API key authentication, per-key rate limits and command scopes for every request under
 * {@code /api/}. A service whose API is public by design (timeline-service) turns it off with
 * {@code sitrep.security.require-api-key=false} and guards its few private endpoints itself.
 */
@AutoConfiguration(after = WebSupportAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "sitrep.security", name = "require-api-key", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityAutoConfiguration.class);

    /** Endpoints whose callers may present their key in the request body; a service declares them as a bean. */
    public record BodyCredentialPaths(Set<String> paths) {
    }

    /** Endpoints that need no key at all, such as links in emails; a service declares them as a bean. */
    public record PublicPaths(Set<String> paths) {
    }

    @Bean
    ApiKeys apiKeys(SecuritySettings settings) {
        ApiKeys keys = new ApiKeys(settings);
        if (keys.isEmpty()) {
            log.warn("No API keys are configured: every API request will be refused. Set SITREP_API_KEY or sitrep.security.api-keys.");
        }
        return keys;
    }

    @Bean
    RateLimiterRegistry apiRateLimiters(SecuritySettings settings, MeterRegistry meterRegistry) {
        RateLimiterRegistry registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(settings.rateLimit().requestsPerPeriod())
                .limitRefreshPeriod(settings.rateLimit().period())
                .timeoutDuration(Duration.ZERO)
                .build());
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(meterRegistry);
        return registry;
    }

    @Bean
    ApiAccess apiAccess(ApiKeys keys, RateLimiterRegistry apiRateLimiters) {
        return new ApiAccess(keys, apiRateLimiters);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiAccess apiAccess, ProblemWriter problems,
                                                      ObjectProvider<BodyCredentialPaths> bodyCredentialPaths,
                                                      ObjectProvider<PublicPaths> publicPaths) {
        Set<String> bodyCredentials = bodyCredentialPaths.stream().flatMap(p -> p.paths().stream()).collect(Collectors.toSet());
        Set<String> open = publicPaths.stream().flatMap(p -> p.paths().stream()).collect(Collectors.toSet());
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(apiAccess, problems, bodyCredentials, open));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    WebMvcConfigurer commandInterceptorConfigurer(MeterRegistry meterRegistry) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new CommandInterceptor(meterRegistry)).addPathPatterns("/api/**");
            }
        };
    }
}
