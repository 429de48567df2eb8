package io.sitrep.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Every event Sitrep publishes. An event is immutable, identified by {@link #eventId()}, and belongs
 * to one aggregate whose events are numbered 1, 2, 3, … by {@link #version()}.
 */
public sealed interface SitrepEvent permits IncidentEvent, ComponentEvent, DeliveryEvent, MaintenanceEvent {

    /** Unique id of this event; a consumer that saw it already skips it. */
    UUID eventId();

    /** The id of the aggregate the event belongs to; also the Kafka key. */
    String aggregateId();

    /** The aggregate's version after this event, starting at 1. */
    long version();

    /** When the change happened in the world; may be backfilled. */
    Instant occurredAt();

    /** When Sitrep accepted the change. */
    Instant publishedAt();

    /** The stable wire type of this event. */
    EventType type();
}
