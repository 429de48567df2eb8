package io.sitrep.notification.intake;

import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.SitrepEvent;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DeliveryId;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.notification.subscription.SubscriptionFilter;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.notification.webhook.WebhookPayload;
import io.sitrep.support.path.PathStamps;
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
 * delivery is created per matching active subscription and event, the subscriptions read a page at a time. An event id seen before creates
 * nothing, so replays and duplicates are harmless. Incident and maintenance events notify; component events
 * are recorded as seen and create no delivery (their effect reaches subscribers through the incident or the
 * maintenance window). Only subscriptions that include internal incidents are matched to an internal incident's
 * events, and they alone get an incident event's actor. A deletion cancels, in the same transaction, every delivery
 * of the incident's earlier events that has not been made yet: nobody hears of a deleted incident afterwards.
 */
public class Fanout {

    /** Active subscriptions read at once. */
    static final int PAGE = 1_000;
    /** Deliveries inserted in one JDBC batch. */
    static final int INSERT_BATCH = 1_000;

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
     * Fans out the events of one poll, in a number of statements that follows the number of active subscriptions, not
     * of events: the event ids recorded, the active subscriptions read a page at a time and matched against every fresh
     * event, the deliveries inserted a batch at a time, and the number each event created stored with its id. Nothing
     * is held per subscription beyond a page and a batch, however long the list.
     *
     * <p>Of each batch, the deliveries the dispatcher can start at once are created born claimed, under the lease the
     * {@code lot} reserves for them (ADR 0020); the caller hands them over once this transaction has committed, or
     * abandons the lot if it fails. A poll with a deletion creates none born claimed.
     *
     * @return what became of each event, in the same order, and how many deliveries were created
     */
    @Transactional
    public Outcome accept(List<Incoming> events, HandOff.Lot lot) {
        Instant now = clock.instant();
        if (PathStamps.enabled()) {
            events.forEach(incoming -> PathStamps.stamp("fanout.begun", incoming.event().eventId()));
        }
        Set<UUID> fresh = recordSeen(events, now);
        List<Result> results = new ArrayList<>(events.size());
        List<Notifying> notifying = new ArrayList<>();
        for (Incoming incoming : events) {
            SitrepEvent event = incoming.event();
            // remove: an id repeated within the poll is fresh once only.
            if (!fresh.remove(event.eventId())) {
                results.add(Result.DUPLICATE);
            } else if (!SubscriptionFilter.notifies(event)) {
                results.add(Result.IGNORED);
            } else {
                results.add(Result.ACCEPTED);
                notifying.add(new Notifying(incoming));
            }
        }
        // A deletion below cancels the incident's deliveries this poll creates; what is handed over is sent without the
        // delivery being read again, so a poll with a deletion creates nothing born claimed.
        boolean deletes = false;
        for (int i = 0; i < events.size(); i++) {
            deletes |= results.get(i) != Result.DUPLICATE && events.get(i).event() instanceof IncidentDeleted;
        }
        int created = notifying.isEmpty() ? 0 : fanOut(notifying, lot, !deletes, now);
        for (int i = 0; i < events.size(); i++) {
            if (results.get(i) != Result.DUPLICATE && events.get(i).event() instanceof IncidentDeleted deleted) {
                deliveries.cancelOpenOfIncident(deleted.incidentId(), "the incident was deleted");
            }
        }
        return new Outcome(results, created);
    }

    /** A fresh event that notifies: its bodies made once, for whichever audiences match it, and its deliveries counted. */
    private final class Notifying {
        final Incoming incoming;
        byte[] forResponders;
        byte[] forThePublic;
        int deliveries;

        Notifying(Incoming incoming) {
            this.incoming = incoming;
        }

        Deliveries.NewDelivery deliveryTo(Subscriptions.Candidate candidate) {
            SitrepEvent event = incoming.event();
            byte[] body;
            if (candidate.filter().includeInternal()) {
                body = forResponders == null ? forResponders = payloads.body(event) : forResponders;
            } else {
                body = forThePublic == null ? forThePublic = payloads.publicBody(event) : forThePublic;
            }
            deliveries++;
            return new Deliveries.NewDelivery(DeliveryId.random(), candidate.id(), new Delivery.Sending(event.eventId(),
                    event.type().wireName(), candidate.endpoint(), body, event.publishedAt(), incoming.trace()));
        }
    }

    /** Creates the deliveries of the events, page by page of active subscriptions; returns how many. */
    private int fanOut(List<Notifying> notifying, HandOff.Lot lot, boolean leasing, Instant now) {
        int created = 0;
        List<Deliveries.NewDelivery> batch = new ArrayList<>(INSERT_BATCH);
        SubscriptionId after = null;
        List<Subscriptions.Candidate> page;
        do {
            page = subscriptions.active(after, PAGE);
            for (Subscriptions.Candidate candidate : page) {
                for (Notifying n : notifying) {
                    if (candidate.filter().matches(n.incoming.event())) {
                        batch.add(n.deliveryTo(candidate));
                        if (batch.size() == INSERT_BATCH) {
                            insert(batch, lot, leasing, now);
                            created += batch.size();
                            batch.clear();
                        }
                    }
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        insert(batch, lot, leasing, now);
        created += batch.size();
        recordCounts(notifying);
        return created;
    }

    /**
     * Inserts a batch: those the dispatcher can start at once born claimed (none unless {@code leasing}), the others due
     * for the claim, their endpoints marked in the lot so that no later delivery there is born claimed ahead of them.
     */
    private void insert(List<Deliveries.NewDelivery> batch, HandOff.Lot lot, boolean leasing, Instant now) {
        if (batch.isEmpty()) {
            return;
        }
        if (!leasing) {
            lot.leaveToTheClaim(batch);
            deliveries.insertAll(batch, now);
            return;
        }
        HandOff.Reservation leased = lot.reserve(batch, now);
        if (!leased.isEmpty()) {
            lot.created(leased, deliveries.insertLeased(leased.deliveries(), leased.lease(), now), now);
        }
        List<Deliveries.NewDelivery> others = leased.others(batch);
        if (!others.isEmpty()) {
            deliveries.insertAll(others, now);
        }
    }

    /** Stores how many deliveries each event created with its id, recorded as none before they were made. */
    private void recordCounts(List<Notifying> notifying) {
        List<Notifying> some = notifying.stream().filter(n -> n.deliveries > 0).toList();
        if (some.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE seen_events s SET deliveries = c.deliveries
                        FROM unnest(CAST(? AS uuid[]), CAST(? AS int[])) AS c (event_id, deliveries)
                        WHERE s.event_id = c.event_id""")
                .params(some.stream().map(n -> n.incoming.event().eventId()).toArray(UUID[]::new),
                        some.stream().map(n -> n.deliveries).toArray(Integer[]::new))
                .update();
    }

    /** Records the events as seen, with no deliveries yet; returns the ids that were not seen before. */
    private Set<UUID> recordSeen(List<Incoming> events, Instant now) {
        int n = events.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] aggregates = new String[n];
        for (int i = 0; i < n; i++) {
            SitrepEvent event = events.get(i).event();
            ids[i] = event.eventId().toString();
            types[i] = event.type().wireName();
            aggregates[i] = event.aggregateId();
        }
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO seen_events (event_id, event_type, aggregate_id, deliveries, seen_at)
                        SELECT CAST(id AS uuid), type, aggregate, 0, ? FROM unnest(CAST(? AS text[]), CAST(? AS text[]),
                                                                                CAST(? AS text[]))
                                                                       AS e (id, type, aggregate)
                        ON CONFLICT DO NOTHING
                        RETURNING event_id""")
                .params(Timestamp.from(now), ids, types, aggregates)
                .query(UUID.class)
                .list());
    }
}
