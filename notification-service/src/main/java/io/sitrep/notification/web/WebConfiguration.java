package io.sitrep.notification.web;

import io.sitrep.support.security.SecurityAutoConfiguration.PublicPaths;
import io.sitrep.support.web.OpenApiProblems;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Describes the API for OpenAPI, and names the email links that need no key. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Sitrep notification-service", version = "v1",
                description = "Subscribe to incidents and scheduled maintenance by webhook, chat channel (Slack, Teams, Discord, Google Chat, "
                        + "Mattermost) or email; inspect and re-drive deliveries. "
                        + "Errors are RFC 9457 problems."),
        servers = @Server(url = "/", description = "This service"),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key, sent as 'Authorization: Bearer <key>'.")
class WebConfiguration {

    /**
     * The links in emails carry a signed token instead of an API key; subscribing from the status page needs none (its
     * own limits guard it, and double opt-in its recipients).
     */
    @Bean
    PublicPaths publicEmailLinks() {
        return new PublicPaths(Set.of("/api/v1/subscriptions/confirm", "/api/v1/subscriptions/unsubscribe",
                "/api/v1/subscriptions/manage", "/api/v1/public/subscriptions"));
    }

    @Bean
    OpenApiCustomizer openApiProblems() {
        return new OpenApiProblems(
                Map.of("getSubscription", List.of("404"),
                        "deleteSubscription", List.of("404"),
                        "rotateSecret", List.of("404", "409"),
                        "listDeliveries", List.of("404"),
                        "redriveDeliveries", List.of("404")),
                Map.of("400", "validation-failed, malformed-request or target-refused: errors name the fields at fault",
                        "404", "unknown-subscription",
                        "409", "no-signing-secret: the subscription is not a webhook"));
    }
}
