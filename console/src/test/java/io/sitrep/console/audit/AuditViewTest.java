package io.sitrep.console.audit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuditViewTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void linksTheNextPageWithTheSameFiltersAndTheCursor() {
        AuditView.AuditFilter filter = new AuditView.AuditFilter(" ada ", "2026-12-01T09:00:00+01:00", "", "", "");

        AuditView view = AuditView.of(json.readTree("""
                {"items":[{"at":"2026-12-01T09:05:00Z","actor":"ada","command":"edit-incident","incidentId":null,"outcome":"ok","status":200}],
                 "nextCursor":"c+1"}"""), filter);

        assertThat(view.nextPage()).isEqualTo("/audit?actor=ada&since=2026-12-01T09%3A00%3A00%2B01%3A00&cursor=c%2B1");
        assertThat(view.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("ada");
            assertThat(entry.incidentId()).isEmpty();
            assertThat(entry.status()).isEqualTo(200);
        });
    }

    @Test
    void linksNoNextPageOnTheLast() {
        AuditView view = AuditView.of(json.readTree("{\"items\":[],\"nextCursor\":null}"), new AuditView.AuditFilter("", "", "", "", ""));

        assertThat(view.nextPage()).isEmpty();
        assertThat(view.entries()).isEmpty();
    }

    @Test
    void keepsOnlyTheEntriesOfTheIncidentAndActionAndKeepsBothFiltersInTheNextPage() {
        String incident = "7f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
        AuditView.AuditFilter filter = new AuditView.AuditFilter("", "", "", incident.toUpperCase(), "Incident.Resolve");

        AuditView view = AuditView.of(json.readTree("""
                {"items":[
                  {"at":"2026-12-01T09:05:00Z","actor":"ada","command":"incident.resolve","incidentId":"%1$s","outcome":"accepted","status":200},
                  {"at":"2026-12-01T09:04:00Z","actor":"ada","command":"incident.update","incidentId":"%1$s","outcome":"accepted","status":201},
                  {"at":"2026-12-01T09:03:00Z","actor":"bob","command":"incident.resolve","incidentId":"00000000-0000-4000-8000-000000000000","outcome":"accepted","status":200},
                  {"at":"2026-12-01T09:02:00Z","actor":"bob","command":"incident.resolve","incidentId":null,"outcome":"refused","status":403}],
                 "nextCursor":"9"}""".formatted(incident)), filter);

        assertThat(view.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.command()).isEqualTo("incident.resolve");
            assertThat(entry.incidentId()).isEqualTo(incident);
        });
        assertThat(view.nextPage()).isEqualTo("/audit?incident=" + incident.toUpperCase() + "&action=Incident.Resolve&cursor=9");
    }
}
