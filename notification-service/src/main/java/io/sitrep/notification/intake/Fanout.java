package io.sitrep.notification.intake;

import io.sitrep.events.IncidentEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.notification.delivery.persistence.JdbcDeliveries;
import io.sitrep.notification.subscription.persistence.JdbcSubscriptions;
import io.sitrep.notification.webhook.WebhookPayload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns an event into deliveries: in one transaction, the event id is recorded as seen and one
 * delivery is created per matching active subscription. An event id seen before creates nothing,
 * so replays and duplicates are harmless. Only incident events notify; component events are
 * recorded as seen and create no delivery (their effect reaches subscribers through the incident).
 */
public class Fanout {

    /** What became of an event. */
    public enum Result {
        /** Deliveries were created (possibly none, when nothing matched). */
        ACCEPTED("accepted"),
        /** The event id was seen before. */
        DUPLICATE("duplicate"),
        /** Not an event that notifies anyone. */
        IGNORED("ignored");

        private final String tag;

        Result(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcSubscriptions subscriptions;
    private final JdbcDeliveries deliveries;
    private final WebhookPayload payloads;
    private final Clock clock;

    public Fanout(JdbcClient jdbc, JdbcSubscriptions subscriptions, JdbcDeliveries deliveries, WebhookPayload payloads, Clock clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.clock = clock;
    }

    @Transactional
    public Result accept(SitrepEvent event) {
        Instant now = clock.instant();
        List<JdbcSubscriptions.Candidate> matching = event instanceof IncidentEvent incident
                ? subscriptions.active().stream().filter(c -> c.filter().matches(incident)).toList()
                : List.of();
        int seen = jdbc.sql("""
                        INSERT INTO seen_events (event_id, event_type, aggregate_id, deliveries, seen_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.eventId(), event.type().wireName(), event.aggregateId(), matching.size(), Timestamp.from(now))
                .update();
        if (seen == 0) {
            return Result.DUPLICATE;
        }
        if (!(event instanceof IncidentEvent)) {
            return Result.IGNORED;
        }
        byte[] body = payloads.body(event);
        for (JdbcSubscriptions.Candidate candidate : matching) {
            deliveries.insert(new JdbcDeliveries.NewDelivery(UUID.randomUUID(), candidate.id().value(), event.eventId(),
                    event.type().wireName(), candidate.endpoint(), body, event.publishedAt()), now);
        }
        return Result.ACCEPTED;
    }
}
