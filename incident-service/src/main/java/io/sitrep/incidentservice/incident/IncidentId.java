package io.sitrep.incidentservice.incident;

import io.sitrep.incidentservice.ids.Ids;

import java.util.Objects;
import java.util.UUID;

/** The id of an incident. */
public record IncidentId(UUID value) {

    public IncidentId {
        Objects.requireNonNull(value, "value");
    }

    public static IncidentId next() {
        return new IncidentId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
