package io.sitrep.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.time.Clock;

/**
 * Problem responses from filters, the request body limit and strict JSON for every service's API,
 * with every text of a request body checked for unsafe characters.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebSettings.class)
public class WebSupportAutoConfiguration {

    /** Fields marked {@code @jakarta.annotation.Nullable} are documented as nullable. */
    @Bean
    NullableProperties nullableProperties() {
        return new NullableProperties();
    }

    /** Counts and reports requests refused because the database is unavailable (see {@link ProblemExceptionHandler}). */
    @Bean
    DatabaseRefusals databaseRefusals(ObjectProvider<MeterRegistry> registry, WebSettings settings) {
        return new DatabaseRefusals(registry.getIfAvailable(SimpleMeterRegistry::new), settings.databaseUnavailableLogInterval(),
                Clock.systemUTC());
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    /** The container's error page is a problem too; Boot's own error controller then stands aside. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** First of all filters, so that nothing reads a parameter the container cannot decode. */
    @Bean
    FilterRegistrationBean<QueryEncodingFilter> queryEncodingFilter(ProblemWriter problems) {
        FilterRegistrationBean<QueryEncodingFilter> registration = new FilterRegistrationBean<>(new QueryEncodingFilter(problems));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat's own error answers, for requests refused before any filter runs, are problems too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatProblems {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    // The host adds a valve of this class when it starts unless it holds one already: give it ours,
                    // so that it need not load the class by name.
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                }
            });
        }
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebSettings settings, ProblemWriter problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(settings.maxBodySize().toBytes(),
                        settings.maxBodySizeByPath().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                java.util.Map.Entry::getKey, e -> e.getValue().toBytes())), problems));
        // The APIs, and incident-service's PagerDuty-compatible /v2/enqueue.
        registration.addUrlPatterns("/api/*", "/v2/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /**
     * Requests say what they mean: no field given twice, no number read as text, no text read as a
     * number, no float cut to an integer.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /**
     * Request bodies are read by a mapper that also checks their text ({@link RequestTextModule}); the
     * application's own mapper, which reads what the service stored itself, is left as it is, so
     * text stored before the check existed still reads. Ordered after Boot's own JSON converter
     * customizer (order 0), so this converter replaces it.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer requestTextCheckingJson(JsonMapper json) {
        JsonMapper checking = json.rebuild().addModule(new RequestTextModule()).addModule(new RequestTimesModule()).build();
        return converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(checking));
    }
}
