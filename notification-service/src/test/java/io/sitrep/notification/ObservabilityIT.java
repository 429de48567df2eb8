package io.sitrep.notification;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.testsupport.CodebaseChecks;
import io.sitrep.testsupport.SwaggerUiChecks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator sees: health of the database, broker, dispatcher and outbox; metrics; the API description. */
class ObservabilityIT extends IntegrationTest {

    @Test
    void healthReportsTheDatabaseTheBrokerTheDispatcherAndTheOutbox() {
        JsonNode health = api.as(ADMIN_KEY).get("/actuator/health").expect(200).json();

        JsonNode components = health.get("components");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("dispatcher").get("details").get("dispatcher").asString()).isEqualTo("running");
        assertThat(components.get("dispatcher").get("details").has("dead")).isTrue();
        assertThat(components.get("outbox").get("details").get("relay").asString()).isEqualTo("running");
        assertThat(api.as(null).get("/actuator/health/readiness").expect(200).json().get("status").asString()).isEqualTo("UP");
    }

    // issue 12: health details (dispatcher, outbox, dead letters) were public on the API port.
    @Test
    void healthShowsOnlyTheStatusToCallersWithoutTheAdminKey() {
        JsonNode anonymous = api.as(null).get("/actuator/health").expect(200).json();
        JsonNode manager = api.get("/actuator/health").expect(200).json();

        assertThat(anonymous.get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(manager.has("components")).isFalse();
    }

    @Test
    void prometheusExposesDeliveryQueueBreakerAndLatencyMetrics() {
        Receiver receiver = aReceiver();
        String component = freshComponent("measured");
        subscribeWebhook(receiver.url(), component);
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        publish(opened);
        receiver.awaitRequests(1, TIMEOUT);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            String metrics = api.as(null).get("/actuator/prometheus").expect(200).body();
            assertThat(metrics)
                    .containsPattern("sitrep_deliveries_total\\{.*channel=\"webhook\".*outcome=\"delivered\"")
                    .contains("sitrep_delivery_attempt_latency_seconds_bucket")
                    .contains("sitrep_delivery_end_to_end_seconds_bucket")
                    .contains("sitrep_deliveries_due")
                    .contains("sitrep_deliveries_dead")
                    .contains("resilience4j_circuitbreaker_state")
                    .contains("resilience4j_bulkhead_available_concurrent_calls")
                    .containsPattern("sitrep_events_received_total\\{.*outcome=\"accepted\"")
                    .contains("sitrep_outbox_pending");
        });
    }

    /** The committed description in docs/openapi is what the service serves; on a change, review and copy the new one. */
    @Test
    void theServedOpenApiDescriptionIsTheOneInTheDocs() {
        String served = api.as(null).get("/v3/api-docs").expect(200).body();

        CodebaseChecks.assertOpenApiMatchesTheDocs(served, "notification-service");
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointAndTheKeyScheme() {
        JsonNode openApi = api.as(null).get("/v3/api-docs").expect(200).json();

        assertThat(openApi.get("paths").propertyNames()).contains(
                "/api/v1/subscriptions", "/api/v1/subscriptions/{id}", "/api/v1/subscriptions/{id}/secret/rotate",
                "/api/v1/subscriptions/{id}/deliveries", "/api/v1/deliveries/redrive",
                "/api/v1/subscriptions/confirm", "/api/v1/subscriptions/unsubscribe");
        assertThat(openApi.get("components").get("securitySchemes").get("apiKey").get("scheme").asString()).isEqualTo("bearer");
    }

    /** issue 19: Swagger UI on the service, public to view; the calls it makes need a key as usual. */
    @Test
    void swaggerUiIsPublicToViewWhileCallsStillNeedAKey() {
        SwaggerUiChecks.assertPublicToViewWhileCallsNeedAKey(api.as(null), "/api/v1/subscriptions");
    }
}
