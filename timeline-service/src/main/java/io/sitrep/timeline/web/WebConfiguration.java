package io.sitrep.timeline.web;

import io.sitrep.support.web.OpenApiProblems;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/** Describes the API for OpenAPI, and lets pages on other origins read it (status widgets, dashboards). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Sitrep timeline-service", version = "v1",
                description = "Incidents, scheduled maintenance, timelines, components, uptime and status as the read models hold them; a live stream; "
                        + "Statuspage-compatible endpoints; rebuilding the read models. Reads are public unless configured otherwise. "
                        + "Errors are RFC 9457 problems."),
        servers = @Server(url = "/", description = "This service"))
@SecurityScheme(name = "adminKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The admin key, sent as 'Authorization: Bearer <key>'; needed by /api/v1/admin/**.")
@SecurityScheme(name = "readKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A read key or the admin key, sent as 'Authorization: Bearer <key>'; reads need one only when "
                + "sitrep.timeline.public-reads is false.")
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Every operation that does not need the admin key is a read: open to anyone, or to a read key when reads are
     * configured not to be public, so its security says both.
     */
    @Bean
    OpenApiCustomizer readsArePublicOrNeedAReadKey() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().stream()
                .filter(operation -> operation.getSecurity() == null || operation.getSecurity().isEmpty())
                .forEach(operation -> operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList("readKey")))));
    }

    @Bean
    OpenApiCustomizer openApiProblems() {
        return new OpenApiProblems(
                Map.of("listIncidents", List.of("400"),
                        "getIncident", List.of("400", "404"),
                        "getIncidentTimeline", List.of("400", "404"),
                        "streamEvents", List.of("429"),
                        "getComponent", List.of("404"),
                        "getComponentUptime", List.of("400", "404"),
                        "startRebuild", List.of("401", "403", "409"),
                        "getRebuild", List.of("401", "403"),
                        "getAtomFeed", List.of("304", "400", "404"),
                        "getRssHistory", List.of("304")),
                Map.of("400", "invalid-parameter: errors name the parameter at fault",
                        "401", "unauthenticated (reads need a key only when not public) or invalid-api-key",
                        "403", "admin-disabled: no admin key is configured",
                        "404", "unknown-incident, unknown-maintenance or unknown-component",
                        "409", "rebuild-in-progress",
                        "429", "too-many-streams: this client address holds as many streams as it may; retry after Retry-After",
                        "503", "temporarily-unavailable; retry after Retry-After"),
                List.of("401", "503"));
    }

    /** Reads are public: any origin may read them from a browser. The admin API is not shared. */
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (String path : new String[] {"/api/v1/incidents/**", "/api/v1/incidents", "/api/v1/components/**", "/api/v1/components",
                "/api/v1/maintenances", "/api/v1/maintenances/**", "/api/v1/status", "/api/v1/stream", "/api/v2/**", "/feed.atom", "/history.rss"}) {
            registry.addMapping(path).allowedOrigins("*").allowedMethods("GET").maxAge(3600);
        }
    }
}
