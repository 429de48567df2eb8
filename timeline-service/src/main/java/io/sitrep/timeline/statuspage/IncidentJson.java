package io.sitrep.timeline.statuspage;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.timeline.snapshot.KeptFragments;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

import java.util.List;
import java.util.StringJoiner;

/**
 * Incidents' JSON as this API writes them, kept from one snapshot's build to the next: an incident by its whole value as
 * the API shows it, and within an incident that changed, each update by its value, since most of its updates did not.
 * The documents that list incidents take the array as written. The same JSON as the mapper writes for the values whole.
 */
final class IncidentJson {

    private final JsonMapper json;
    private final KeptFragments<SpIncident> incidents;
    private final KeptFragments<SpIncident.SpIncidentUpdate> updates;

    IncidentJson(JsonMapper json) {
        this(json, new KeptFragments<>(), new KeptFragments<>());
    }

    /** With the incidents and updates written counted in the snapshot's metrics. */
    IncidentJson(JsonMapper json, MeterRegistry registry) {
        this(json, KeptFragments.counted(registry, "api.incident"), KeptFragments.counted(registry, "api.update"));
    }

    private IncidentJson(JsonMapper json, KeptFragments<SpIncident> incidents, KeptFragments<SpIncident.SpIncidentUpdate> updates) {
        this.json = json;
        this.incidents = incidents;
        this.updates = updates;
    }

    /** Starts a build: what the build before it wrote is kept for it. */
    void nextBuild() {
        incidents.nextBuild();
        updates.nextBuild();
    }

    /** The incidents as a JSON array. */
    RawValue array(List<SpIncident> listed) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (SpIncident incident : listed) {
            array.add(of(incident));
        }
        return new RawValue(array.toString());
    }

    /** One incident's JSON. */
    String of(SpIncident incident) {
        // An incident taken over keeps its updates' JSON with it, at hand for when it changes.
        return incidents.get(incident, this::write, taken -> taken.incidentUpdates().forEach(updates::retain));
    }

    private String write(SpIncident incident) {
        StringJoiner written = new StringJoiner(",", "[", "]");
        for (SpIncident.SpIncidentUpdate update : incident.incidentUpdates()) {
            written.add(updates.get(update, json::writeValueAsString));
        }
        ObjectNode document = json.valueToTree(new SpIncident(incident.id(), incident.name(), incident.status(), incident.createdAt(),
                incident.updatedAt(), incident.monitoringAt(), incident.resolvedAt(), incident.impact(), incident.shortlink(),
                incident.startedAt(), incident.pageId(), List.of(), incident.components()));
        document.putRawValue("incident_updates", new RawValue(written.toString()));
        return json.writeValueAsString(document);
    }
}
