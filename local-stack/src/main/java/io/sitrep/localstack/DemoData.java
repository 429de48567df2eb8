package io.sitrep.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Example incidents drawn from public postmortems, loaded through incident-service's API: a cloud
 * region's network failing for hours, a table deleted by a cleanup script and restored from a
 * snapshot, and a database node lost under peak load. The first two are backfilled at the times they
 * happened; the third is replayed as if it began three hours ago and is still being monitored, so
 * the status page shows an open incident. Loaded once per data folder.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String incidentUrl;
    private final String apiKey;
    private final Path marker;
    private final Consumer<String> say;

    DemoData(String incidentUrl, String apiKey, Path dataDirectory, Consumer<String> say) {
        this.incidentUrl = incidentUrl;
        this.apiKey = apiKey;
        this.marker = dataDirectory.resolve("demo-loaded");
        this.say = say;
    }

    void load() {
        if (Files.exists(marker)) {
            say.accept("Demo data was loaded before; leaving it as it is");
            return;
        }
        components();
        regionOutage();
        deletedTable();
        lostNode(Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3)));
        try {
            Files.writeString(marker, Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        say.accept("Loaded demo data: 8 components, 3 incidents from public postmortems");
    }

    private void components() {
        component("messaging", "Inbound and outbound messages", "Messaging", "Email, chat and SMS channels");
        component("workflows", "Workflows and routing", "Messaging", "Business rules, queues and routing");
        component("web-app", "Web application", "Application", "Sign-in and the agent workspace");
        component("search", "Search", "Application", "Search across customers and conversations");
        component("api", "Public API", "Platform", "The REST API");
        component("timelines", "Customer timelines", "Application", "Timelines of customer activity");
        component("integrations", "Integrations", "Platform", "Connections to other systems");
        component("event-processing", "Event processing", "Platform", "Ingestion of tracked events");
    }

    /** A cloud region's network devices failed; the service was mostly inoperable for about six hours. */
    private void regionOutage() {
        String id = open("region-1", "Messages delayed and searches stale in US Prod 1", "identified", "major", """
                Sending and receiving messages is heavily delayed, and searches and timelines show stale data. \
                Our cloud provider reports elevated error rates for several APIs in its us-east-1 region.""",
                "2021-12-07T15:45:00Z", Map.of("messaging", "degraded_performance", "search", "degraded_performance"));
        update(id, "region-2", Map.of("status", "identified", "impact", "critical", "message", """
                The regional outage has deepened: inbound and outbound messages are not being delivered, timelines do \
                not render and some users cannot sign in. New containers cannot be started because the provider's \
                container registry and instance APIs are failing too.""",
                "occurredAt", "2021-12-07T16:22:00Z",
                "components", List.of(c("messaging", "major_outage"), c("workflows", "major_outage"),
                        c("web-app", "partial_outage"), c("search", "major_outage"))));
        update(id, "region-3", Map.of("status", "monitoring", "message", """
                The provider's instance APIs are recovering. Our services are starting again and conversations and \
                search results are coming back; we are scaling up to work through the backlog of queued events.""",
                "occurredAt", "2021-12-07T22:33:00Z",
                "components", List.of(c("messaging", "degraded_performance"), c("workflows", "degraded_performance"),
                        c("web-app", "operational"), c("search", "operational"))));
        update(id, "region-4", Map.of("message", "The backlog of queued events is processed and latency is back to normal. "
                + "We are now re-driving the dead-letter queues.", "occurredAt", "2021-12-08T02:00:00Z"));
        post("/api/v1/incidents/" + id + "/resolve", "region-5", Map.of(
                "message", "Every dead-lettered event has been re-driven; nothing that was accepted was lost.",
                "occurredAt", "2021-12-08T04:17:00Z"));
        postmortem(id, """
                # Regional cloud outage, 7 December 2021

                **Impact.** For about six hours messages were not sent or received, timelines did not render and \
                some users could not sign in. Delays began at 15:45 UTC; the system was healthy again at 01:22 UTC \
                and every dead-lettered event was re-driven by 04:17 UTC.

                **Cause.** Network devices in the provider's us-east-1 region failed, taking several of its APIs \
                with them. Our deployment tooling and container start-up depended on those same APIs, so we could \
                neither deploy nor scale while it lasted.

                **What we change.** Cross-region redundancy for the production environment; deployment that does \
                not depend on the affected region; automatic re-drive of dead letters once consumers recover.
                """);
    }

    /** A cleanup script deleted a table; restored from a snapshot, data repaired over the next days. */
    private void deletedTable() {
        String id = open("table-1", "Timelines and API not returning data in Prod 1", "investigating", "critical", """
                Timelines and the API return no data for organizations in Prod 1. We are investigating.""",
                "2023-07-27T15:32:00Z", Map.of("timelines", "major_outage", "api", "major_outage"));
        update(id, "table-2", Map.of("status", "identified", "impact", "major", "message", """
                A maintenance script removed records from one table of the customer database. The database has \
                been restored from a snapshot and is serving again, with degraded performance.""",
                "occurredAt", "2023-07-27T18:40:00Z",
                "components", List.of(c("timelines", "degraded_performance"), c("api", "degraded_performance"),
                        c("integrations", "major_outage"))));
        update(id, "table-3", Map.of("status", "monitoring", "impact", "minor", "message", """
                The platform is at full performance. We are re-enabling integrations and restoring records created \
                during the outage.""",
                "occurredAt", "2023-07-27T22:31:00Z",
                "components", List.of(c("timelines", "operational"), c("api", "operational"), c("integrations", "degraded_performance"))));
        post("/api/v1/incidents/" + id + "/resolve", "table-4", Map.of(
                "message", "All integrations are enabled again. Records created during the outage are being restored.",
                "occurredAt", "2023-07-28T01:02:00Z"));
        postmortem(id, """
                # Deleted table, 27 July 2023

                **Impact.** For 9 hours and 18 minutes timelines and the API returned no data for organizations in \
                Prod 1. Records created during the outage were restored by the next morning; data from other systems \
                was re-imported by the next evening.

                **Cause.** A routine capacity migration was followed by a cleanup script that was applied to the live \
                table instead of the retired one, removing its records.

                **What we change.** Cleanup scripts run only against objects marked retired, with a second reviewer; \
                restores are rehearsed so the snapshot path is faster.
                """);
    }

    /** One node of a twelve-node database cluster lost under peak load; events queued, nothing lost. */
    private void lostNode(Instant began) {
        String id = open("node-1", "Sign-in failures and time-outs in the application", "investigating", "major", """
                Some users cannot sign in and others see time-outs. We are investigating.""",
                began.toString(), Map.of("web-app", "partial_outage"));
        update(id, "node-2", Map.of("status", "identified", "message", """
                One node of our twelve-node database cluster failed and was taken offline. The cluster is healing by \
                moving data to the other nodes, which competes with peak traffic. Incoming events are queued, not lost.""",
                "occurredAt", began.plus(Duration.ofMinutes(60)).toString(),
                "components", List.of(c("web-app", "partial_outage"), c("event-processing", "degraded_performance"))));
        update(id, "node-3", Map.of("status", "monitoring", "impact", "minor", "message", """
                The cluster is operational again. Queued events are being processed; the newest ones may take a while \
                to appear.""",
                "occurredAt", began.plus(Duration.ofMinutes(130)).toString(),
                "components", List.of(c("web-app", "operational"), c("event-processing", "degraded_performance"))));
    }

    private void component(String id, String name, String group, String description) {
        send("PUT", "/api/v1/components/" + id, null, Map.of("name", name, "group", group, "description", description));
    }

    private String open(String key, String title, String status, String impact, String message, String occurredAt,
                        Map<String, String> components) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("status", status);
        body.put("impact", impact);
        body.put("message", message);
        body.put("occurredAt", occurredAt);
        body.put("components", components.entrySet().stream().map(e -> c(e.getKey(), e.getValue())).toList());
        return post("/api/v1/incidents", key, body).get("id").asString();
    }

    private void update(String id, String key, Map<String, Object> body) {
        post("/api/v1/incidents/" + id + "/updates", key, body);
    }

    private void postmortem(String id, String body) {
        send("PUT", "/api/v1/incidents/" + id + "/postmortem", null, Map.of("body", body));
    }

    private JsonNode post(String path, String idempotencyKey, Map<String, ?> body) {
        return send("POST", path, "demo-" + idempotencyKey, body);
    }

    private JsonNode send(String method, String path, String idempotencyKey, Map<String, ?> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(incidentUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> c(String id, String status) {
        return Map.of("id", id, "status", status);
    }
}
