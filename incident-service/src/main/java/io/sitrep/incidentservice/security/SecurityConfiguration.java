package io.sitrep.incidentservice.security;

import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.incidentservice.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/** Wires API key authentication, per-key rate limits and command scopes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private final MeterRegistry meterRegistry;

    SecurityConfiguration(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
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
    RateLimiterRegistry apiRateLimiters(SecuritySettings settings) {
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
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiAccess apiAccess, ProblemWriter problems) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(apiAccess, problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CommandInterceptor(meterRegistry)).addPathPatterns("/api/**");
    }
}
