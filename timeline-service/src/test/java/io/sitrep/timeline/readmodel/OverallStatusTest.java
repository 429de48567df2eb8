package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OverallStatusTest {

    @Test
    void nothingWrongIsNone() {
        OverallStatus status = OverallStatus.of(List.of(component(ComponentStatus.OPERATIONAL)), List.of());

        assertThat(status.indicator().wireName()).isEqualTo("none");
        assertThat(status.description()).isEqualTo("All Systems Operational");
    }

    @Test
    void theWorstComponentStatusCounts() {
        assertThat(OverallStatus.of(List.of(component(ComponentStatus.DEGRADED_PERFORMANCE)), List.of()).indicator())
                .isEqualTo(OverallStatus.Indicator.MINOR);
        assertThat(OverallStatus.of(List.of(component(ComponentStatus.PARTIAL_OUTAGE), component(ComponentStatus.DEGRADED_PERFORMANCE)),
                List.of()).indicator()).isEqualTo(OverallStatus.Indicator.MAJOR);
        assertThat(OverallStatus.of(List.of(component(ComponentStatus.MAJOR_OUTAGE)), List.of()).description())
                .isEqualTo("Major Service Outage");
    }

    @Test
    void anOpenIncidentCountsWithItsImpactAResolvedOneNot() {
        assertThat(OverallStatus.of(List.of(), List.of(incident(IncidentStatus.IDENTIFIED, Impact.MAJOR))).indicator())
                .isEqualTo(OverallStatus.Indicator.MAJOR);
        assertThat(OverallStatus.of(List.of(), List.of(incident(IncidentStatus.RESOLVED, Impact.CRITICAL))).indicator())
                .isEqualTo(OverallStatus.Indicator.NONE);
    }

    @Test
    void maintenanceAloneIsNoneButSaysSo() {
        OverallStatus status = OverallStatus.of(List.of(component(ComponentStatus.UNDER_MAINTENANCE)), List.of());

        assertThat(status.indicator()).isEqualTo(OverallStatus.Indicator.NONE);
        assertThat(status.description()).isEqualTo("Service Under Maintenance");
    }

    // Issue 16: "Major Service Outage" above operational components said nothing of why; the reasons come with it.
    @Test
    void theOpenIncidentsAndAffectedComponentsAreTheReasonsWorstFirst() {
        IncidentView minor = incident(IncidentStatus.MONITORING, Impact.MINOR);
        IncidentView critical = incident(IncidentStatus.INVESTIGATING, Impact.CRITICAL);
        IncidentView resolved = incident(IncidentStatus.RESOLVED, Impact.MAJOR);
        ComponentView degraded = component(ComponentStatus.DEGRADED_PERFORMANCE);
        ComponentView down = component(ComponentStatus.PARTIAL_OUTAGE);

        OverallStatus status = OverallStatus.of(List.of(component(ComponentStatus.OPERATIONAL), degraded, down), List.of(minor, critical, resolved));

        assertThat(status.description()).isEqualTo("Major Service Outage");
        assertThat(status.incidents()).containsExactly(critical, minor);
        assertThat(status.components()).containsExactly(down, degraded);
        assertThat(status.allClear()).isFalse();
        assertThat(OverallStatus.of(List.of(component(ComponentStatus.OPERATIONAL)), List.of()).allClear()).isTrue();
    }

    private static ComponentView component(ComponentStatus status) {
        return new ComponentView("c-" + UUID.randomUUID(), "C", null, null, status, Instant.EPOCH, Instant.EPOCH, 1);
    }

    private static IncidentView incident(IncidentStatus status, Impact impact) {
        return new IncidentView(UUID.randomUUID(), "t", status, impact, List.of(), Instant.EPOCH, Instant.EPOCH, null, 1);
    }
}
