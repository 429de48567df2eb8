package io.sitrep.incidentservice.incident.application;

import io.sitrep.events.ComponentStatus;
import io.sitrep.incidentservice.component.ComponentId;

/** A component an incident command sets to a status. */
public record ComponentStatusRequest(ComponentId id, ComponentStatus status) {
}
