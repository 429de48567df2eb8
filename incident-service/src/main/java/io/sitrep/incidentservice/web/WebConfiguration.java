package io.sitrep.incidentservice.web;

import io.sitrep.support.security.SecurityAutoConfiguration.BodyCredentialPaths;
import io.sitrep.support.web.OpenApiProblems;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Describes the API for OpenAPI, and names the endpoint that takes its key in the body. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencySettings.class)
@OpenAPIDefinition(
        info = @Info(title = "Sitrep incident-service", version = "v1",
                description = "Open, update and resolve incidents; define components. Errors are RFC 9457 problems."),
        servers = @Server(url = "/", description = "This service"),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key, sent as 'Authorization: Bearer <key>'.")
class WebConfiguration {

    /** PagerDuty-shaped events carry their key as routing_key. */
    @Bean
    BodyCredentialPaths eventsTakeTheirKeyFromTheBody() {
        return new BodyCredentialPaths(Set.of("/api/v1/integrations/events", "/v2/enqueue", "/v2/change/enqueue"));
    }

    @Bean
    OpenApiCustomizer openApiProblems() {
        return new OpenApiProblems(
                Map.ofEntries(Map.entry("openIncident", List.of("404", "422")),
                        Map.entry("getIncident", List.of("304", "404")),
                        Map.entry("listIncidentUpdates", List.of("404")),
                        Map.entry("updateIncident", List.of("404", "409", "412", "422")),
                        Map.entry("resolveIncident", List.of("404", "409", "412", "422")),
                        Map.entry("reopenIncident", List.of("404", "409", "412", "422")),
                        Map.entry("publishIncident", List.of("404", "409", "412", "422")),
                        Map.entry("publishPostmortem", List.of("404", "409", "412")),
                        Map.entry("editIncident", List.of("404", "409", "412", "422")),
                        Map.entry("editIncidentUpdate", List.of("404", "409", "412", "422")),
                        Map.entry("listIncidentUpdateRevisions", List.of("404")),
                        Map.entry("deleteIncident", List.of("404", "409", "412", "422")),
                        Map.entry("getComponent", List.of("404")),
                        Map.entry("changeComponentStatus", List.of("404"))),
                Map.of("404", "unknown-incident, unknown-update or unknown-component",
                        "409", "incident-already-resolved, incident-not-resolved, incident-already-public or incident-deleted",
                        "412", "stale-version: If-Match names a version that is no longer current",
                        "422", "idempotency-key-reused"));
    }
}
