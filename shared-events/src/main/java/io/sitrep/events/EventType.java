package io.sitrep.events;

import java.util.Optional;

/**
 * The stable wire types. A wire name never changes once published; a schema change that is not
 * additive gets a new {@link #schemaVersion()}.
 */
public enum EventType {
    INCIDENT_OPENED("incident.opened", 1, IncidentOpened.class),
    INCIDENT_UPDATED("incident.updated", 1, IncidentUpdated.class),
    INCIDENT_RESOLVED("incident.resolved", 1, IncidentResolved.class),
    INCIDENT_REOPENED("incident.reopened", 1, IncidentReopened.class),
    POSTMORTEM_PUBLISHED("postmortem.published", 1, PostmortemPublished.class),
    COMPONENT_DEFINED("component.defined", 1, ComponentDefined.class),
    COMPONENT_STATUS_CHANGED("component.status_changed", 1, ComponentStatusChanged.class),
    DELIVERY_FAILING("delivery.failing", 1, DeliveryFailing.class),
    DELIVERY_EXHAUSTED("delivery.exhausted", 1, DeliveryExhausted.class),
    DELIVERY_RECOVERED("delivery.recovered", 1, DeliveryRecovered.class),
    SUBSCRIPTION_DISABLED("subscription.disabled", 1, SubscriptionDisabled.class),
    MAINTENANCE_SCHEDULED("maintenance.scheduled", 1, MaintenanceScheduled.class),
    MAINTENANCE_UPDATED("maintenance.updated", 1, MaintenanceUpdated.class),
    MAINTENANCE_REMINDER("maintenance.reminder", 1, MaintenanceReminder.class),
    MAINTENANCE_STARTED("maintenance.started", 1, MaintenanceStarted.class),
    MAINTENANCE_COMPLETED("maintenance.completed", 1, MaintenanceCompleted.class),
    MAINTENANCE_CANCELLED("maintenance.cancelled", 1, MaintenanceCancelled.class),
    INCIDENT_PUBLISHED("incident.published", 1, IncidentPublished.class),
    INCIDENT_EDITED("incident.edited", 1, IncidentEdited.class),
    INCIDENT_UPDATE_EDITED("incident.update_edited", 1, IncidentUpdateEdited.class),
    INCIDENT_DELETED("incident.deleted", 1, IncidentDeleted.class);

    private final String wireName;
    private final int schemaVersion;
    private final Class<? extends SitrepEvent> recordType;

    EventType(String wireName, int schemaVersion, Class<? extends SitrepEvent> recordType) {
        this.wireName = wireName;
        this.schemaVersion = schemaVersion;
        this.recordType = recordType;
    }

    /** The CloudEvents {@code type}, e.g. {@code incident.opened}. */
    public String wireName() {
        return wireName;
    }

    /** The version of this type's JSON Schema. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The CloudEvents {@code dataschema}, naming the type and its schema version. */
    public String dataSchema() {
        return "urn:sitrep:events:" + wireName + ":v" + schemaVersion;
    }

    /** The record this type decodes to. */
    public Class<? extends SitrepEvent> recordType() {
        return recordType;
    }

    /** The type for a wire name, or empty for a type this version of the contract does not know. */
    public static Optional<EventType> fromWireName(String wireName) {
        for (EventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
