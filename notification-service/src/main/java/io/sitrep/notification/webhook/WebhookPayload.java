package io.sitrep.notification.webhook;

import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentPublished;
import io.sitrep.events.IncidentUpdateEdited;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The webhook body: {@code {"type": "incident.updated", "timestamp": "<publishedAt>", "data": <the event>}},
 * where data is the event exactly as the contract defines it (incident snapshot, the update or
 * postmortem, event id and version; for maintenance, the window's snapshot and its update). It is stored with the delivery and sent byte for byte on every
 * attempt; emails are rendered from it too. A subscriber that does not include internal incidents gets the
 * {@linkplain #publicBody public body}: without the actor (of incident and maintenance events alike), and with a publish's previous title replaced by the
 * public one, so that nothing said while the incident was internal reaches them.
 */
public final class WebhookPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec;

    public WebhookPayload(EventCodec codec) {
        this.codec = codec;
    }

    /** The body for a subscriber who sees internal incidents: the event as it is. */
    public byte[] body(SitrepEvent event) {
        // The event's encoding goes in as it is: a wire name and an ISO-8601 instant need no escaping.
        byte[] head = ("{\"type\":\"" + event.type().wireName() + "\",\"timestamp\":\"" + event.publishedAt() + "\",\"data\":")
                .getBytes(StandardCharsets.UTF_8);
        byte[] data = codec.encode(event);
        byte[] body = Arrays.copyOf(head, head.length + data.length + 1);
        System.arraycopy(data, 0, body, head.length, data.length);
        body[body.length - 1] = '}';
        return body;
    }

    /**
     * The body for a public subscriber: an incident or maintenance event without its actor; a publish without the title it had while
     * internal, a corrected update without its earlier text, a deletion without its reason.
     */
    public byte[] publicBody(SitrepEvent event) {
        return body(forThePublic(event));
    }

    /** The event as the public may see it. */
    public static SitrepEvent forThePublic(SitrepEvent event) {
        if (event instanceof IncidentPublished published) {
            return new IncidentPublished(published.eventId(), published.incidentId(), published.version(), published.occurredAt(),
                    published.publishedAt(), published.incident().title(), published.update(), published.incident(), null);
        }
        if (event instanceof IncidentUpdateEdited edited) {
            return new IncidentUpdateEdited(edited.eventId(), edited.incidentId(), edited.version(), edited.occurredAt(),
                    edited.publishedAt(), edited.updateId(), edited.message(), null, edited.revision(), edited.incident(), null);
        }
        if (event instanceof IncidentDeleted deleted) {
            return new IncidentDeleted(deleted.eventId(), deleted.incidentId(), deleted.version(), deleted.occurredAt(),
                    deleted.publishedAt(), null, deleted.incident(), null);
        }
        if (event instanceof IncidentEvent incident) {
            return incident.withActor(null);
        }
        if (event instanceof MaintenanceEvent maintenance) {
            return maintenance.withActor(null);
        }
        return event;
    }

    /** The incident or maintenance event a stored body carries. */
    public SitrepEvent event(byte[] body) {
        JsonNode tree = JSON.readTree(body);
        SitrepEvent event;
        try {
            event = codec.decode(tree.path("type").asString(), JSON.writeValueAsBytes(tree.path("data")));
        } catch (UndecodableEvent e) {
            throw new IllegalStateException("a stored webhook body does not hold an event", e);
        }
        if (!(event instanceof IncidentEvent) && !(event instanceof MaintenanceEvent)) {
            throw new IllegalStateException("a stored webhook body holds " + event.type().wireName() + ", which notifies nobody");
        }
        return event;
    }
}
