package io.sitrep.incidentservice.incident.web;

import io.sitrep.incidentservice.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "hostile input": an incident answer embedded its whole timeline, however long. It now embeds
 * the newest updates only, says how many there are, and links to pages of all of them.
 */
class TimelinePagingIT extends IntegrationTest {

    @Test
    void anIncidentAnswerEmbedsTheNewestHundredUpdatesAndCountsThemAll() {
        String id = anIncidentWithUpdates(102);

        JsonNode incident = api.get("/api/v1/incidents/" + id).expect(200).json();

        assertThat(incident.get("updates")).hasSize(100);
        assertThat(incident.get("updates").get(0).get("version").asLong()).isEqualTo(3);
        assertThat(incident.get("updates").get(99).get("version").asLong()).isEqualTo(102);
        assertThat(incident.get("updateCount").asLong()).isEqualTo(102);
        assertThat(incident.get("updatesLink").asString()).isEqualTo("/api/v1/incidents/" + id + "/updates");
    }

    @Test
    void theUpdatesLinkPagesThroughEveryUpdateOldestFirst() {
        String id = anIncidentWithUpdates(102);

        List<Long> versions = new ArrayList<>();
        String next = "/api/v1/incidents/" + id + "/updates?limit=40";
        int pages = 0;
        while (next != null) {
            JsonNode page = api.get(next).expect(200).json();
            page.get("items").forEach(update -> versions.add(update.get("version").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(versions).hasSize(102).isSorted().startsWith(1L).endsWith(102L);
    }

    @Test
    void theUpdatesOfAnUnknownIncidentAreNotFound() {
        api.get("/api/v1/incidents/" + UUID.randomUUID() + "/updates").expectProblem(404, "unknown-incident");
    }

    @Test
    void aWriteAnswerEmbedsTheCappedTimelineToo() {
        String id = anIncidentWithUpdates(101);

        JsonNode updated = api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"One more.\"}").expect(201).json();

        assertThat(updated.get("updates")).hasSize(100);
        assertThat(updated.get("updateCount").asLong()).isEqualTo(102);
    }

    private String anIncidentWithUpdates(int updates) {
        String id = anOpenIncident("A long incident");
        for (int i = 2; i <= updates; i++) {
            api.send("POST", "/api/v1/incidents/" + id + "/updates", "{\"message\":\"Update " + i + ".\"}",
                    java.util.Map.of("Prefer", "return=minimal")).expect(201);
        }
        return id;
    }
}
