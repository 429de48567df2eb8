package io.sitrep.notification.email;

import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.notification.Incidents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailRendererTest {

    private final EmailRenderer renderer = new EmailRenderer();

    @Test
    void theSubjectSaysImpactTitleAndStatus() throws Exception {
        IncidentEvent updated = (IncidentEvent) new EventCodec().decode("incident.updated", GoldenSamples.sample(EventType.INCIDENT_UPDATED));

        assertThat(renderer.subject(updated)).isEqualTo("[Critical] Elevated error rates in eu-west region — Identified");
    }

    @Test
    void aPostmortemSaysSo() throws Exception {
        IncidentEvent postmortem = (IncidentEvent) new EventCodec().decode("postmortem.published",
                GoldenSamples.sample(EventType.POSTMORTEM_PUBLISHED));

        assertThat(renderer.subject(postmortem)).endsWith(" — Postmortem published");
    }

    @Test
    void theHtmlBodyEscapesWhatItQuotes() {
        var opened = Incidents.opened(java.util.UUID.randomUUID(), "<script>alert(1)</script>", "api", Impact.NONE);

        RenderedEmail email = renderer.incident(opened, "https://example.com/u?token=a&b");

        assertThat(email.subject()).startsWith("[No impact] ");
        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("token=a&amp;b");
        assertThat(email.text()).contains("<script>alert(1)</script>").contains("Component api: Partial outage");
    }
}
