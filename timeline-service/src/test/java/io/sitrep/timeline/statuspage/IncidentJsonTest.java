package io.sitrep.timeline.statuspage;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Incidents' JSON assembled from kept parts: the same bytes as the mapper writes for the incident whole. */
class IncidentJsonTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final IncidentJson kept = new IncidentJson(json);
    private final UUID id = UUID.randomUUID();

    @Test
    void writesTheSameBytesAsTheMapperWritesTheIncidentWhole() {
        SpIncident incident = incident(update("Investigating", "investigating", null), update("Fixed", "monitoring", "ada"));

        kept.nextBuild();
        String assembled = kept.of(incident);

        assertThat(assembled).isEqualTo(json.writeValueAsString(incident));
    }

    @Test
    void writesAnArrayOfTheIncidentsInTheirOrder() {
        SpIncident first = incident(update("Investigating", "investigating", null));
        SpIncident second = new SpIncident(UUID.randomUUID(), "Slow search", "identified", AT, AT, null, null, "minor",
                "https://status.example.com/incidents/2", AT, "sitrep", List.of(), List.of());

        kept.nextBuild();
        String array = (String) kept.array(List.of(first, second)).rawValue();

        assertThat(array).isEqualTo(json.writeValueAsString(List.of(first, second)));
    }

    @Test
    void keepsAnUnchangedIncidentAndTheUnchangedUpdatesOfAChangedOne() {
        SpIncident.SpIncidentUpdate first = update("Investigating", "investigating", null);
        kept.nextBuild();
        String before = kept.of(incident(first));

        kept.nextBuild();
        String again = kept.of(incident(first));
        SpIncident.SpIncidentUpdate second = update("Fixed", "monitoring", null);
        String changed = kept.of(incident(second, first));

        assertThat(again).isSameAs(before);
        assertThat(changed).isEqualTo(json.writeValueAsString(incident(second, first)));
        assertThat(changed).contains(json.writeValueAsString(first));
    }

    @Test
    void writesAgainAnUpdateCorrectedUnderItsId() {
        SpIncident.SpIncidentUpdate original = update("Investigting", "investigating", null);
        SpIncident.SpIncidentUpdate corrected = new SpIncident.SpIncidentUpdate(original.id(), original.status(), "Investigating",
                original.incidentId(), original.createdAt(), original.updatedAt(), original.displayAt(), original.affectedComponents(),
                true, null, null, null);
        kept.nextBuild();
        kept.of(incident(original));

        kept.nextBuild();
        String after = kept.of(incident(corrected));

        assertThat(corrected.hashCode()).isEqualTo(original.hashCode());
        assertThat(after).isEqualTo(json.writeValueAsString(incident(corrected))).doesNotContain("Investigting");
    }

    private SpIncident incident(SpIncident.SpIncidentUpdate... updates) {
        return new SpIncident(id, "Checkout errors", updates[0].status(), AT, AT.plusSeconds(60), null, null, "major",
                "https://status.example.com/incidents/" + id, AT, "sitrep", List.of(updates),
                List.of(new SpComponent("checkout", "Checkout", "major_outage", AT, AT, 1, null, true, null, null, "sitrep", false, false, null)));
    }

    private static SpIncident.SpIncidentUpdate update(String body, String status, String postedBy) {
        return new SpIncident.SpIncidentUpdate(UUID.randomUUID(), status, body, UUID.randomUUID(), AT, AT, AT,
                List.of(new SpIncident.SpAffectedComponent("checkout", "Checkout", "operational", "major_outage")), true, null, null, postedBy);
    }
}
