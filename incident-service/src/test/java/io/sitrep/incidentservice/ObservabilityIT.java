package io.sitrep.incidentservice;

import io.sitrep.testsupport.CodebaseChecks;
import io.sitrep.testsupport.SwaggerUiChecks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator sees: health of the database, broker and outbox; metrics; the API description. */
class ObservabilityIT extends IntegrationTest {

    @Test
    void healthReportsTheDatabaseTheBrokerAndTheOutbox() {
        JsonNode health = api.as(ADMIN_KEY).get("/actuator/health").expect(200).json();

        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("outbox").get("details").get("relay").asString()).isEqualTo("running");
        assertThat(api.as(null).get("/actuator/health/readiness").expect(200).json().get("status").asString()).isEqualTo("UP");
    }

    // issue 12: health details (database, broker, outbox) were public on the API port.
    @Test
    void healthShowsOnlyTheStatusToCallersWithoutTheAdminKey() {
        JsonNode anonymous = api.as(null).get("/actuator/health").expect(200).json();
        JsonNode writer = api.get("/actuator/health").expect(200).json();

        assertThat(anonymous.get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(writer.has("components")).isFalse();
    }

    @Test
    void prometheusExposesOutboxAndCommandMetrics() {
        String id = anOpenIncident("Measured");
        awaitEvents(id, 1);

        await().untilAsserted(() -> {
            String metrics = api.as(null).get("/actuator/prometheus").expect(200).body();
            assertThat(metrics).contains("sitrep_outbox_pending")
                    .contains("sitrep_outbox_oldest_age_seconds")
                    .contains("sitrep_outbox_publish_lag_seconds_bucket")
                    .contains("sitrep_outbox_published_total")
                    .contains("sitrep_outbox_relay_errors_total")
                    .containsPattern("sitrep_commands_total\\{.*command=\"incident.open\".*outcome=\"accepted\"");
        });
    }

    /** The committed description in docs/openapi is what the service serves; on a change, review and copy the new one. */
    @Test
    void theServedOpenApiDescriptionIsTheOneInTheDocs() {
        String served = api.as(null).get("/v3/api-docs").expect(200).body();

        CodebaseChecks.assertOpenApiMatchesTheDocs(served, "incident-service");
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointAndTheKeyScheme() {
        JsonNode openApi = api.as(null).get("/v3/api-docs").expect(200).json();

        assertThat(openApi.get("paths").propertyNames()).contains(
                "/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/incidents/{id}/updates",
                "/api/v1/incidents/{id}/resolve", "/api/v1/incidents/{id}/reopen", "/api/v1/incidents/{id}/postmortem",
                "/api/v1/components", "/api/v1/components/{id}", "/api/v1/templates", "/api/v1/templates/{id}");
        assertThat(openApi.get("components").get("securitySchemes").get("apiKey").get("scheme").asString()).isEqualTo("bearer");
    }

    /** issue 19: Swagger UI on the service, public to view; the calls it makes need a key as usual. */
    @Test
    void swaggerUiIsPublicToViewWhileCallsStillNeedAKey() {
        SwaggerUiChecks.assertPublicToViewWhileCallsNeedAKey(api.as(null), "/api/v1/maintenances");
    }
}
