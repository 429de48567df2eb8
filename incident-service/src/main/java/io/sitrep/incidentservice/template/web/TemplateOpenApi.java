package io.sitrep.incidentservice.template.web;

import io.sitrep.support.web.OpenApiProblems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/** Adds the template operations' own problems to the OpenAPI description; the common ones are the service's. */
@Configuration(proxyBeanMethods = false)
class TemplateOpenApi {

    @Bean
    OpenApiCustomizer templateOpenApiProblems() {
        return new OpenApiProblems(
                Map.of("defineTemplate", List.of("404", "409"),
                        "getTemplate", List.of("404"),
                        "deleteTemplate", List.of("404")),
                Map.of("404", "unknown-template, or unknown-component for a component the template sets",
                        "409", "template-limit-reached: at most 500 templates"),
                List.of());
    }
}
