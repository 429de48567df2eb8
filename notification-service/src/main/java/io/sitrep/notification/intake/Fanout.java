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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns events into deliveries: the event ids are recorded as seen and one delivery is created per matching active
 * subscription and event, the subscriptions read a page at a time. An event id seen before creates nothing, so replays
 * and duplicates are harmless.
 *
 * <p>A fan-out commits a page of subscriptions at a time: the first page's deliveries, with the ids recorded, in the
 * first transaction ({@link #accept}), each next page in its own ({@link #proceed}), so that the first subscribers of a
 * long list hear of an event after one page, not after all of them. Between pages each event keeps its cursor in
 * {@code seen_events} (the last subscription id done, in uuid order), written in the page's transaction; its consumer
 * commits the record's offset only once the fan-out is complete, so an event whose fan-out a crash or a failure cut short
 * is delivered again, found with its cursor, and goes on from it ({@link Result#RESUMED}). Every step locks the events'
 * rows and reads their cursors first, so two consumers that went on with the same event (one lost its partition) take
 * turns, and no subscription gets two deliveries. A poll with a deletion fans out whole in one transaction, so that its
 * cancellations come after every delivery they cancel.
 *
 * <p>Incident and maintenance events notify; component events
 * are recorded as seen and create no delivery (their effect reaches subscribers through the incident or the
 * maintenance window). Only subscriptions that include internal incidents are matched to an internal incident's
 * events, and they alone get an incident event's actor. A deletion cancels, in the same transaction, every delivery
 * of the incident's earlier events that has not been made yet: nobody hears of a deleted incident afterwards.
 */
public class Fanout {

    /** Active subscriptions read at once, and fanned out in one transaction. */
    static final int PAGE = 1_000;
    /** Deliveries inserted in one JDBC batch. */
    static final int INSERT_BATCH = 1_000;

    /** What became of an event. */
    public enum Result {
        /** Deliveries were created (possibly none, when nothing matched). */
        ACCEPTED("accepted"),
        /** Seen before with its fan-out cut short: it went on from where it stopped. */
        RESUMED("resumed"),
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

    /**
     * What became of a poll's events, in order, how many deliveries the first transaction created, and the fan-out
     * still {@linkplain #proceed under way} after it.
     */
    public record Outcome(List<Result> results, int deliveries, UnderWay underWay) {
    }

    /** The events of a poll whose fan-out goes on, a page of subscriptions per transaction; used by one thread. */
    public static final class UnderWay {

        private final List<Notifying> events;

        private UnderWay(List<Notifying> events) {
            this.events = events;
        }

        /** A fan-out that is complete. */
        public static UnderWay none() {
            return new UnderWay(new ArrayList<>());
        }

        /** Whether every event's fan-out is complete. */
        public boolean done() {
            return events.isEmpty();
        }
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
     * Records the events of one poll as seen and fans out the first page of active subscriptions, in a number of
     * statements that follows the number of subscriptions, not of events: the event ids recorded, the page read and
     * matched against every fresh event (and every resumed one, after its cursor), the deliveries inserted a batch at a
     * time, and each event's count of deliveries and cursor stored with its id. Nothing is held per subscription
     * beyond a page and a batch, however long the list. A poll with a deletion fans out every page here.
     *
     * <p>Of each batch, the deliveries the dispatcher can start at once are created born claimed, under the lease the
     * {@code lot} reserves for them (ADR 0020); the caller hands them over once this transaction has committed, or
     * abandons the lot if it fails. A poll with a deletion creates none born claimed.
     *
     * @return what became of each event, in the same order, how many deliveries were created, and what is left
     */
    @Transactional
    public Outcome accept(List<Incoming> events, HandOff.Lot lot) {
        Instant now = clock.instant();
        if (PathStamps.enabled()) {
            events.forEach(incoming -> PathStamps.stamp("fanout.begun", incoming.event().eventId()));
        }
        Set<UUID> fresh = recordSeen(events, now);
        Map<UUID, UUID> cutShort = cursors(events.stream().map(i -> i.event().eventId()).filter(id -> !fresh.contains(id)).toList());
        List<Result> results = new ArrayList<>(events.size());
        List<Notifying> notifying = new ArrayList<>();
        for (Incoming incoming : events) {
            SitrepEvent event = incoming.event();
            // remove: an id repeated within the poll is fresh, or resumed, once only.
            UUID cursor = cutShort.remove(event.eventId());
            if (cursor != null) {
                results.add(Result.RESUMED);
                notifying.add(new Notifying(incoming, new SubscriptionId(cursor)));
            } else if (!fresh.remove(event.eventId())) {
                results.add(Result.DUPLICATE);
            } else if (!SubscriptionFilter.notifies(event)) {
                results.add(Result.IGNORED);
            } else {
                results.add(Result.ACCEPTED);
                notifying.add(new Notifying(incoming, null));
            }
        }
        // A deletion below cancels the incident's deliveries this poll creates: all of them are created first, and what
        // is handed over is sent without the delivery being read again, so a poll with a deletion creates nothing born
        // claimed.
        boolean deletes = false;
        for (int i = 0; i < events.size(); i++) {
            deletes |= results.get(i) != Result.DUPLICATE && events.get(i).event() instanceof IncidentDeleted;
        }
        int created = 0;
        do {
            created += notifying.isEmpty() ? 0 : page(notifying, lot, !deletes, now);
        } while (deletes && !notifying.isEmpty());
        for (int i = 0; i < events.size(); i++) {
            if (results.get(i) != Result.DUPLICATE && events.get(i).event() instanceof IncidentDeleted deleted) {
                deliveries.cancelOpenOfIncident(deleted.incidentId(), "the incident was deleted");
            }
        }
        return new Outcome(results, created, new UnderWay(notifying));
    }

    /**
     * Fans out the next page of active subscriptions of the events under way, in one transaction, born claimed as
     * {@link #accept} does. Their rows are locked and their cursors read first: an event another consumer completed
     * meanwhile is dropped, and one it took further goes on from there.
     *
     * @return how many deliveries were created
     */
    @Transactional
    public int proceed(UnderWay underWay, HandOff.Lot lot) {
        Map<UUID, UUID> cursors = cursors(underWay.events.stream().map(n -> n.incoming.event().eventId()).toList());
        underWay.events.removeIf(n -> {
            UUID cursor = cursors.get(n.incoming.event().eventId());
            // The stored cursor may lag this one (pages that created nothing for the event leave it), or lead it (another
            // consumer went further): everything up to the further of the two is done.
            if (cursor != null && compare(cursor, n.after.value()) > 0) {
                n.after = new SubscriptionId(cursor);
            }
            return cursor == null;
        });
        return underWay.done() ? 0 : page(underWay.events, lot, true, clock.instant());
    }

    /** A notifying event: its bodies made once, for whichever audiences match it, its cursor and its new deliveries. */
    private final class Notifying {
        final Incoming incoming;
        byte[] forResponders;
        byte[] forThePublic;
        /** The last subscription that has its delivery, in uuid order; null before the first. */
        SubscriptionId after;
        /** Whether its cursor is stored. */
        boolean cursorStored;
        /** Deliveries created in this page. */
        int created;

        Notifying(Incoming incoming, SubscriptionId after) {
            this.incoming = incoming;
            this.after = after;
            this.cursorStored = after != null;
        }

        boolean isFor(Subscriptions.Candidate candidate) {
            return (after == null || compare(candidate.id().value(), after.value()) > 0) && candidate.filter().matches(incoming.event());
        }

        Deliveries.NewDelivery deliveryTo(Subscriptions.Candidate candidate) {
            SitrepEvent event = incoming.event();
            byte[] body;
            if (candidate.filter().includeInternal()) {
                body = forResponders == null ? forResponders = payloads.body(event) : forResponders;
            } else {
                body = forThePublic == null ? forThePublic = payloads.publicBody(event) : forThePublic;
            }
            created++;
            return new Deliveries.NewDelivery(DeliveryId.random(), candidate.id(), new Delivery.Sending(event.eventId(),
                    event.type().wireName(), candidate.endpoint(), body, event.publishedAt(), incoming.trace()));
        }
    }

    /**
     * Creates the events' deliveries for one page of active subscriptions after the first cursor among them, and stores
     * each event's count and cursor; the events whose fan-out is complete leave the list. Returns how many were created.
     */
    private int page(List<Notifying> notifying, HandOff.Lot lot, boolean leasing, Instant now) {
        SubscriptionId from = notifying.get(0).after;
        for (Notifying n : notifying) {
            if (from != null && (n.after == null || compare(n.after.value(), from.value()) < 0)) {
                from = n.after;
            }
        }
        List<Subscriptions.Candidate> page = subscriptions.active(from, PAGE);
        int created = 0;
        List<Deliveries.NewDelivery> batch = new ArrayList<>(INSERT_BATCH);
        for (Subscriptions.Candidate candidate : page) {
            for (Notifying n : notifying) {
                if (n.isFor(candidate)) {
                    batch.add(n.deliveryTo(candidate));
                    if (batch.size() == INSERT_BATCH) {
                        insert(batch, lot, leasing, now);
                        created += batch.size();
                        batch.clear();
                    }
                }
            }
        }
        insert(batch, lot, leasing, now);
        created += batch.size();
        boolean complete = page.size() < PAGE;
        SubscriptionId last = complete ? null : page.get(page.size() - 1).id();
        for (Notifying n : notifying) {
            if (last != null && n.after != null && compare(n.after.value(), last.value()) > 0) {
                continue; // a resumed event whose cursor is further than this page: it had these subscribers before
            }
            n.after = last;
        }
        recordProgress(notifying);
        notifying.removeIf(n -> n.after == null);
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

    /**
     * Adds the deliveries each event created in the page to its count, and stores its cursor: the page's last
     * subscription, or none once complete. An event whose page created none is written only to store its first cursor
     * or to clear it: a stored cursor that lags behind pages with nothing for the event is resumed from at the cost of
     * reading them again, and a poll of many events to a long list does not rewrite every event's row at every page.
     */
    private void recordProgress(List<Notifying> notifying) {
        List<Notifying> changed = notifying.stream()
                .filter(n -> n.created > 0 || n.cursorStored != (n.after != null)).toList();
        if (!changed.isEmpty()) {
            jdbc.sql("""
                            UPDATE seen_events s SET deliveries = s.deliveries + c.deliveries, fanout_after = c.after
                            FROM unnest(CAST(? AS uuid[]), CAST(? AS int[]), CAST(? AS uuid[])) AS c (event_id, deliveries, after)
                            WHERE s.event_id = c.event_id""")
                    .params(changed.stream().map(n -> n.incoming.event().eventId()).toArray(UUID[]::new),
                            changed.stream().map(n -> n.created).toArray(Integer[]::new),
                            changed.stream().map(n -> n.after == null ? null : n.after.value()).toArray(UUID[]::new))
                    .update();
        }
        for (Notifying n : notifying) {
            n.created = 0;
            n.cursorStored = n.after != null;
        }
    }

    /** Of the events, those seen before whose fan-out is under way, with their cursors; their rows locked. */
    private Map<UUID, UUID> cursors(List<UUID> eventIds) {
        Map<UUID, UUID> cursors = new HashMap<>();
        if (eventIds.isEmpty()) {
            return cursors;
        }
        jdbc.sql("""
                        SELECT event_id, fanout_after FROM seen_events
                        WHERE event_id = ANY (CAST(? AS uuid[])) AND fanout_after IS NOT NULL
                        ORDER BY event_id FOR UPDATE""")
                .param(eventIds.toArray(UUID[]::new))
                .query((rs, n) -> cursors.put(rs.getObject("event_id", UUID.class), rs.getObject("fanout_after", UUID.class)))
                .list();
        return cursors;
    }

    /** Compares two ids as PostgreSQL orders uuids: their bytes, unsigned, most significant first. */
    static int compare(UUID a, UUID b) {
        int most = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return most != 0 ? most : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
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
