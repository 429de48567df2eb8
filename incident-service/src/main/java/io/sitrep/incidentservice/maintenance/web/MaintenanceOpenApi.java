package io.sitrep.incidentservice.maintenance.web;

import io.sitrep.support.web.OpenApiProblems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/** Adds the maintenance operations' own problems to the OpenAPI description; the common ones are the service's. */
@Configuration(proxyBeanMethods = false)
class MaintenanceOpenApi {

    @Bean
    OpenApiCustomizer maintenanceOpenApiProblems() {
        return new OpenApiProblems(
                Map.of("scheduleMaintenance", List.of("404", "422"),
                        "getMaintenance", List.of("304", "404"),
                        "changeMaintenance", List.of("404", "409", "412", "422"),
                        "postMaintenanceUpdate", List.of("404", "409", "412", "422"),
                        "startMaintenance", List.of("404", "409", "412", "422"),
                        "completeMaintenance", List.of("404", "409", "412", "422"),
                        "cancelMaintenance", List.of("404", "409", "412", "422")),
                Map.of("404", "unknown-maintenance or unknown-component",
                        "409", "maintenance-not-started, maintenance-already-started, maintenance-finished, maintenance-not-scheduled or maintenance-status-needs-command",
                        "412", "stale-version: If-Match names a version that is no longer current",
                        "422", "idempotency-key-reused"),
                List.of());
    }
}
