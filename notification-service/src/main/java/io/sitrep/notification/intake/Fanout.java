package io.sitrep.notification.intake;

import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.SitrepEvent;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DeliveryId;
import io.sitrep.notification.subscription.SubscriptionFilter;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.notification.webhook.WebhookPayload;
import io.sitrep.support.tracing.StoredTrace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns events into deliveries: in one transaction, the event ids are recorded as seen and one
 * delivery is created per matching active subscription and event. An event id seen before creates
 * nothing, so replays and duplicates are harmless. Incident and maintenance events notify; component events
 * are recorded as seen and create no delivery (their effect reaches subscribers through the incident or the
 * maintenance window). Only subscriptions that include internal incidents are matched to an internal incident's
 * events, and they alone get an incident event's actor. A deletion cancels, in the same transaction, every delivery
 * of the incident's earlier events that has not been made yet: nobody hears of a deleted incident afterwards.
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

    /** An event as consumed, with the trace its deliveries continue. */
    public record Incoming(SitrepEvent event, StoredTrace trace) {
    }

    /** What became of a poll's events, in order, and how many deliveries they created. */
    public record Outcome(List<Result> results, int deliveries) {
    }

    private final JdbcClient jdbc;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final WebhookPayload payloads;
    private final Clock clock;

    public Fanout(JdbcClient jdbc, Subscriptions subscriptions, Deliveries deliveries, WebhookPayload payloads, Clock clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.clock = clock;
    }

    /**
     * Fans out the events of one poll, in three statements whatever their number: the active subscriptions
     * read once, the event ids recorded, the deliveries inserted.
     *
     * @return what became of each event, in the same order, and how many deliveries were created
     */
    @Transactional
    public Outcome accept(List<Incoming> events) {
        Instant now = clock.instant();
        boolean notifying = events.stream().anyMatch(e -> SubscriptionFilter.notifies(e.event()));
        List<Subscriptions.Candidate> active = notifying ? subscriptions.active() : List.of();
        List<List<Subscriptions.Candidate>> matching = new ArrayList<>(events.size());
        for (Incoming incoming : events) {
            SitrepEvent event = incoming.event();
            matching.add(SubscriptionFilter.notifies(event) ? active.stream().filter(c -> c.filter().matches(event)).toList() : List.of());
        }
        Set<UUID> fresh = recordSeen(events, matching, now);
        List<Result> results = new ArrayList<>(events.size());
        List<Deliveries.NewDelivery> created = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            SitrepEvent event = events.get(i).event();
            // remove: an id repeated within the poll is fresh once only.
            if (!fresh.remove(event.eventId())) {
                results.add(Result.DUPLICATE);
            } else if (!SubscriptionFilter.notifies(event)) {
                results.add(Result.IGNORED);
            } else {
                results.add(Result.ACCEPTED);
                byte[] forResponders = null;
                byte[] forThePublic = null;
                for (Subscriptions.Candidate candidate : matching.get(i)) {
                    byte[] body;
                    if (candidate.filter().includeInternal()) {
                        body = forResponders == null ? forResponders = payloads.body(event) : forResponders;
                    } else {
                        body = forThePublic == null ? forThePublic = payloads.publicBody(event) : forThePublic;
                    }
                    created.add(new Deliveries.NewDelivery(DeliveryId.random(), candidate.id(), new Delivery.Sending(event.eventId(),
                            event.type().wireName(), candidate.endpoint(), body, event.publishedAt(), events.get(i).trace())));
                }
            }
        }
        deliveries.insertAll(created, now);
        for (int i = 0; i < events.size(); i++) {
            if (results.get(i) != Result.DUPLICATE && events.get(i).event() instanceof IncidentDeleted deleted) {
                deliveries.cancelOpenOfIncident(deleted.incidentId(), "the incident was deleted");
            }
        }
        return new Outcome(results, created.size());
    }

    /** Records the events as seen; returns the ids that were not seen before. */
    private Set<UUID> recordSeen(List<Incoming> events, List<List<Subscriptions.Candidate>> matching, Instant now) {
        int n = events.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] aggregates = new String[n];
        Integer[] counts = new Integer[n];
        for (int i = 0; i < n; i++) {
            SitrepEvent event = events.get(i).event();
            ids[i] = event.eventId().toString();
            types[i] = event.type().wireName();
            aggregates[i] = event.aggregateId();
            counts[i] = matching.get(i).size();
        }
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO seen_events (event_id, event_type, aggregate_id, deliveries, seen_at)
                        SELECT CAST(id AS uuid), type, aggregate, deliveries, ? FROM unnest(CAST(? AS text[]), CAST(? AS text[]),
                                                                                          CAST(? AS text[]), CAST(? AS int[]))
                                                                                 AS e (id, type, aggregate, deliveries)
                        ON CONFLICT DO NOTHING
                        RETURNING event_id""")
                .params(Timestamp.from(now), ids, types, aggregates, counts)
                .query(UUID.class)
                .list());
    }
}
