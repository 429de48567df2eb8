package io.sitrep.timeline;

import io.sitrep.events.Impact;
import io.sitrep.testsupport.CodebaseChecks;
import io.sitrep.testsupport.SwaggerUiChecks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator sees: health of the database, the binder and the read models; freshness and lag metrics. */
class ObservabilityIT extends IntegrationTest {

    @Test
    void healthReportsTheDatabaseAndTheReadModels() {
        IncidentStory story = IncidentStory.of("Healthy");
        events.publish(story.open(Impact.NONE, "Checking."));
        awaitIncidentVersion(story.id(), 1);

        JsonNode health = api.as(ADMIN_KEY).get("/actuator/health").expect(200).json();

        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        JsonNode readModels = components.get("readModels").get("details");
        assertThat(readModels.get("generation").asLong()).isPositive();
        assertThat(readModels.get("lastApplied").get("type").asString()).isNotBlank();
        assertThat(readModels.get("eventsSinceStart").get("applied").asLong()).isPositive();
        JsonNode snapshot = components.get("snapshot").get("details");
        assertThat(snapshot.get("state").asString()).isEqualTo("current");
        assertThat(snapshot.get("version").asLong()).isPositive();
        assertThat(snapshot.get("consecutiveFailures").asInt()).isZero();
        assertThat(components.get("export").get("details").get("state").asString()).isEqualTo("off");
        assertThat(api.get("/actuator/health/readiness").expect(200).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").expect(200).json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesFreshnessOutcomesAndConsumerLag() {
        IncidentStory story = IncidentStory.of("Measured");
        events.publish(story.open(Impact.NONE, "Counting."));
        awaitIncidentVersion(story.id(), 1);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            String metrics = api.get("/actuator/prometheus").expect(200).body();
            assertThat(metrics)
                    .contains("sitrep_timeline_freshness_seconds_bucket")
                    .contains("sitrep_timeline_freshness_seconds_count")
                    .containsPattern("sitrep_timeline_events_total\\{.*outcome=\"applied\"")
                    .containsPattern("sitrep_timeline_events_total\\{.*outcome=\"dead_lettered\"")
                    .contains("sitrep_timeline_gaps")
                    .contains("kafka_consumer_fetch_manager_records_lag_max")
                    .contains("spring_cloud_stream_binder_kafka_offset")
                    .contains("sitrep_timeline_snapshot_age_seconds")
                    .containsPattern("sitrep_timeline_snapshot_build_seconds_count\\{.*outcome=\"success\"")
                    .contains("sitrep_timeline_snapshot_consecutive_failures")
                    .containsPattern("service=\"timeline-service\"");
        });
    }

    @Test
    void snapshotAnswersGoWithoutRequestMetricsWhileOtherRequestsKeepThem() {
        IncidentStory story = IncidentStory.of("Unmeasured");
        events.publish(story.open(Impact.NONE, "Counting the answers."));
        awaitIncidentVersion(story.id(), 1);
        awaitSnapshot();

        api.get("/assets/brand.css").expect(200);
        api.get("/api/v1/status").expect(200);

        // issue 16: an answer from the public snapshot has no span and no http.server.requests timing (ADR 0007, amended).
        await().atMost(TIMEOUT).untilAsserted(() -> {
            String metrics = api.get("/actuator/prometheus").expect(200).body();
            assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{.*uri=\"/api/v1/status\"")
                    .doesNotContain("uri=\"/assets/brand.css\"")
                    .containsPattern("sitrep_timeline_snapshot_build_phase_seconds_count\\{.*phase=\"StatusPageController\"");
        });
    }

    /** The committed description in docs/openapi is what the service serves; on a change, review and copy the new one. */
    @Test
    void theServedOpenApiDescriptionIsTheOneInTheDocs() {
        String served = api.get("/v3/api-docs").expect(200).body();

        CodebaseChecks.assertOpenApiMatchesTheDocs(served, "timeline-service");
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointAndTheAdminKeyScheme() {
        JsonNode openApi = api.get("/v3/api-docs").expect(200).json();

        assertThat(openApi.get("paths").propertyNames()).contains(
                "/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/components", "/api/v1/components/{id}",
                "/api/v1/components/{id}/uptime", "/api/v1/status", "/api/v1/stream", "/api/v1/admin/rebuild",
                "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
                "/api/v2/incidents/unresolved.json", "/api/v1/maintenances", "/api/v1/maintenances/{id}",
                "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
                "/api/v2/scheduled-maintenances/active.json");
        assertThat(openApi.get("components").get("securitySchemes").get("adminKey").get("scheme").asString()).isEqualTo("bearer");
    }

    /** issue 19: Swagger UI on the service, public to view; the calls it makes need a key as usual. */
    @Test
    void swaggerUiIsPublicToViewWhileCallsStillNeedAKey() {
        SwaggerUiChecks.assertPublicToViewWhileCallsNeedAKey(api.as(null), "/api/v1/admin/rebuild");
    }
}
