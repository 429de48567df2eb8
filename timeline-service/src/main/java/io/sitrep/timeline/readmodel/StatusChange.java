package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One status change of a component.
 *
 * @param incidentId the incident that changed it; null when set directly
 */
public record StatusChange(long version, ComponentStatus status, ComponentStatus previousStatus, UUID incidentId, Instant occurredAt) {
}
