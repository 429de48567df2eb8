package io.sitrep.console.incident;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentViewTest {

    @Test
    void tellsTheUpdatesMadeSinceTheVersionThePersonSawNewestFirst() {
        String incident = """
                {"id":"7a1f","title":"Checkout failing","status":"identified","impact":"major","visibility":"public","version":3,
                 "updates":[
                   {"version":1,"status":"investigating","impact":"major","message":"Looking.","actor":"admin"},
                   {"version":2,"status":"identified","impact":"major","message":"Bad deploy.","actor":"olivia",
                    "componentChanges":[{"id":"api","name":"API","status":"major_outage","previousStatus":"operational"}]},
                   {"version":3,"status":"identified","impact":"major","message":"Rolling back.","actor":"olivia"}]}""";

        IncidentView view = IncidentView.of(JsonMapper.builder().build().readTree(incident));

        assertThat(view.since(1)).extracting(IncidentView.Update::message).containsExactly("Rolling back.", "Bad deploy.");
        assertThat(view.since(1).get(1).changes()).containsExactly("API: Operational → Major outage");
        assertThat(view.status()).isEqualTo("identified");
    }
}
