package io.sitrep.support.security;

import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.support.web.ProblemWriter;
import io.sitrep.support.web.WebSupportAutoConfiguration;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Spring Security for every service: API keys as bearer tokens (hashed, scoped, rate-limited per
 * key), request rules over the decoded path Spring MVC matches, method security for
 * {@link Command}s, the strict firewall, and security headers. Everything a service does not
 * declare public (an {@link AccessRules}, {@link PublicPaths} or {@link BodyCredentialPaths} bean)
 * needs a key; {@code /api/v1/admin/**} needs {@code admin}. The API description and Swagger UI are public to view.
 */
@AutoConfiguration(after = WebSupportAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
@EnableWebSecurity
@EnableMethodSecurity(prePostEnabled = false)
public class SecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityAutoConfiguration.class);

    /** The actuator endpoints probes and scrapers call without a key; health details still need {@code admin}. */
    private static final String[] OPEN_ACTUATOR = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"};

    /** The API descriptions, which are public to read. */
    private static final String[] API_DESCRIPTIONS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};

    /**
     * Swagger UI, public to view (its configuration is {@code /v3/api-docs/swagger-config}); the calls it makes
     * need a key like any other.
     */
    static final String[] API_BROWSER = {"/swagger-ui.html", "/swagger-ui/**"};

    private static final Refusal ADMIN_DISABLED = new Refusal(403, "admin-disabled", "No admin key is configured",
            "No API key with the admin scope is configured, so the admin API is off; configure one to use it.");

    /** Endpoints whose callers may present their key in the request body; a service declares them as a bean. */
    public record BodyCredentialPaths(Set<String> paths) {
    }

    /** Endpoints that need no key at all, such as links in emails; a service declares them as a bean. */
    public record PublicPaths(Set<String> paths) {
    }

    /** Keys a service configures in settings of its own, by the hex SHA-256 of the key. */
    public record ServiceKeys(Map<String, ApiPrincipal> byHash) {
    }

    @Bean
    ApiKeys apiKeys(SecuritySettings settings, ObjectProvider<ServiceKeys> serviceKeys) {
        Map<String, ApiPrincipal> own = new java.util.HashMap<>();
        serviceKeys.orderedStream().forEach(keys -> own.putAll(keys.byHash()));
        ApiKeys keys = new ApiKeys(settings, own);
        if (keys.isEmpty()) {
            log.warn("No API keys are configured: every request that needs a key will be refused. Set SITREP_API_KEY or sitrep.security.api-keys.");
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
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiAccess apiAccess) {
        return new ApiKeyAuthenticationProvider(apiAccess);
    }

    /**
     * The problems of the filter chain; as the one {@link RequestRejectedHandler} bean, it also answers
     * requests the firewall refuses with a 400 problem rather than a bare status.
     */
    @Bean
    SecurityProblems securityProblems(ProblemWriter problems) {
        return new SecurityProblems(problems);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys, ApiKeyAuthenticationProvider keys, SecurityProblems problems,
                                    ProblemWriter problemWriter, SecuritySettings settings, ObjectProvider<AccessRules> serviceRules,
                                    ObjectProvider<PublicPaths> publicPaths, ObjectProvider<BodyCredentialPaths> bodyCredentialPaths) {
        AuthenticationFilter bearerKeys = new AuthenticationFilter(new ProviderManager(keys), new BearerKeyConverter());
        bearerKeys.setSuccessHandler((request, response, authentication) ->
                request.setAttribute(ApiPrincipal.ATTRIBUTE, ((ApiKeyAuthentication) authentication).getPrincipal()));
        bearerKeys.setFailureHandler(problems);
        String[] open = publicPaths.orderedStream().flatMap(p -> p.paths().stream()).toArray(String[]::new);
        String[] bodyCredentials = bodyCredentialPaths.orderedStream().flatMap(p -> p.paths().stream()).toArray(String[]::new);
        http
                // Keys travel in a header, never in a cookie: there is nothing for a forged cross-site request to ride on.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .headers(headers -> {
                    // Each answer says how long it may be cached; the security defaults would forbid it everywhere.
                    headers.cacheControl(cache -> cache.disable());
                    // Swagger UI sets inline styles as it renders; only its pages get a policy that allows them.
                    RequestMatcher apiBrowser = new OrRequestMatcher(Arrays.stream(API_BROWSER)
                            .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
                    headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiBrowser),
                            new ContentSecurityPolicyHeaderWriter(settings.contentSecurityPolicy())));
                    headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apiBrowser,
                            new ContentSecurityPolicyHeaderWriter(settings.apiBrowserContentSecurityPolicy())));
                    headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
                    if (settings.embeddable()) {
                        headers.frameOptions(frame -> frame.disable());
                    } else {
                        headers.frameOptions(frame -> frame.deny());
                    }
                })
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(bearerKeys, AuthorizationFilter.class)
                // Registered second at the same place, so it runs after the key was admitted.
                .addFilterBefore(new ActorHeaderFilter(problemWriter), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> {
                    // An error page or an async continuation belongs to a request that was already authorised.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    requests.requestMatchers("/api/v1/admin", "/api/v1/admin/**").access(apiKeys.hasAdmin()
                            ? ScopeCheck.scope(ApiPrincipal.ADMIN)
                            : (authentication, request) -> ADMIN_DISABLED);
                    serviceRules.orderedStream().forEach(rules -> rules.apply(requests));
                    if (open.length > 0) {
                        requests.requestMatchers(open).permitAll();
                    }
                    if (bodyCredentials.length > 0) {
                        // The handler admits the key from the body when no Authorization header carries it.
                        requests.requestMatchers(bodyCredentials).permitAll();
                    }
                    requests.requestMatchers(OPEN_ACTUATOR).permitAll();
                    requests.requestMatchers(API_DESCRIPTIONS).permitAll();
                    requests.requestMatchers(API_BROWSER).permitAll();
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * Tomcat would refuse an encoded slash or backslash itself, with an HTML page; passed through
     * still encoded, the firewall refuses it with the same 400 problem as every other odd spelling.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
    }

    /** Before a {@link Command}'s handler runs, the caller's key must have its scope. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor commandAuthorization() {
        return CommandAuthorization.interceptor();
    }

    @Bean
    WebMvcConfigurer commandMetricsConfigurer(MeterRegistry meterRegistry) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new CommandMetrics(meterRegistry)).addPathPatterns("/api/**", "/v2/**");
            }
        };
    }
}
