package io.sitrep.notification.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.notification.subscription.SubscriptionFilter;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.application.SubscriptionCommands;
import io.sitrep.support.tracing.StoredTrace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: fan-out read every active subscription into memory at once, and then wrote every delivery of a long list in
 * one transaction, so the first subscriber heard of an event only once the last one's delivery was written. It now
 * reads them a page at a time ({@link Fanout#PAGE}), inserts deliveries a batch at a time and commits each page; a list
 * longer than a page and a batch still gets exactly one delivery per subscriber and event, and a replay none, and a
 * fan-out cut short goes on from its cursor when its event comes again.
 */
class LargeListFanoutIT extends IntegrationTest {

    private static final int SUBSCRIBERS = 2 * Fanout.PAGE + Fanout.PAGE / 2;

    @Autowired
    private SubscriptionCommands commands;
    @Autowired
    private Fanout fanout;
    @Autowired
    private IncidentEventConsumer intake;
    @Autowired
    private HandOff handOff;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private MeterRegistry registry;

    @Test
    void anEventToAListLongerThanAPageCreatesExactlyOneDeliveryPerSubscriberAndAReplayNone() {
        String component = freshComponent("large-list");
        List<SubscriptionId> list = subscribe(component, aReceiver());
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        IncidentUpdated identified = Incidents.identified(opened);
        try {

            publish(opened, identified);
            await().atMost(TIMEOUT).until(() -> fannedOut(opened.eventId()) && fannedOut(identified.eventId()));
            publish(opened, identified);
            // The same incident, so the same partition: once it is fanned out, the replay before it was consumed.
            IncidentUpdated after = Incidents.identified(opened);
            publish(after);
            await().atMost(TIMEOUT).until(() -> fannedOut(after.eventId()));

            for (UUID event : List.of(opened.eventId(), identified.eventId(), after.eventId())) {
                assertThat(deliveriesOf(event)).as("deliveries of " + event).isEqualTo(SUBSCRIBERS);
                assertThat(jdbc.sql("SELECT count(DISTINCT subscription_id) FROM deliveries WHERE event_id = ?").param(event)
                        .query(Long.class).single()).isEqualTo(SUBSCRIBERS);
                assertThat(counted(event))
                        .isEqualTo(SUBSCRIBERS);
                assertThat(cursor(event)).as("the fan-out is complete").isNull();
                assertThat(jdbc.sql("""
                                SELECT count(*) FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
                                WHERE d.event_id = ? AND s.components @> ARRAY[?]::text[]""").params(event, component)
                        .query(Long.class).single()).isEqualTo(SUBSCRIBERS);
            }
        } finally {
            list.forEach(commands::delete);
        }
    }

    @Test
    void theFirstPagesAreCommittedAndDeliveredWhileTheRestOfTheListIsStillBeingWritten() throws Exception {
        String component = freshComponent("paged-list");
        Receiver receiver = aReceiver();
        List<SubscriptionId> list = subscribe(component, receiver);
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        // The list's greatest id is on the third page or later: an open transaction holding a delivery of the event for
        // it makes the fan-out's insert of that page wait for it, with the pages before it committed.
        SubscriptionId lastOfTheList = list.stream().max((a, b) -> Fanout.compare(a.value(), b.value())).orElseThrow();
        try (Connection holding = dataSource.getConnection()) {
            holding.setAutoCommit(false);
            try (PreparedStatement insert = holding.prepareStatement("""
                    INSERT INTO deliveries (id, subscription_id, event_id, event_type, endpoint, payload, status, created_at, published_at)
                    VALUES (?, ?, ?, 'incident.opened', 'held', ''::bytea, 'cancelled', now(), now())""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, lastOfTheList.value());
                insert.setObject(3, opened.eventId());
                insert.executeUpdate();
            }
            try {
                publish(opened);
                await("the fan-out waits on the held delivery").atMost(TIMEOUT).until(() -> cursor(opened.eventId()) != null
                        && waitingOnALock());
                UUID cursor = cursor(opened.eventId());
                assertThat(deliveriesOf(opened.eventId()))
                        .as("every subscriber up to the cursor has its delivery, committed, and none after it")
                        .isEqualTo(list.stream().filter(id -> Fanout.compare(id.value(), cursor) <= 0).count())
                        .isGreaterThan(0).isLessThan(SUBSCRIBERS);
                await("the first deliveries are made before the last is written").atMost(TIMEOUT)
                        .until(() -> receiver.requests().stream().anyMatch(r -> r.body().contains(opened.eventId().toString())));
                assertThat(cursor(opened.eventId())).as("still waiting").isEqualTo(cursor);
            } finally {
                holding.rollback();
            }
        } finally {
            await().atMost(TIMEOUT).until(() -> cursor(opened.eventId()) == null);
            list.forEach(commands::delete);
        }
        assertThat(deliveriesOf(opened.eventId())).isEqualTo(SUBSCRIBERS);
        assertThat(counted(opened.eventId()))
                .isEqualTo(SUBSCRIBERS);
    }

    @Test
    void aFanoutCutShortGoesOnFromItsCursorWhenItsEventComesAgainAndAnotherThatWentOnCreatesNothingMore() {
        String component = freshComponent("resumed-list");
        Receiver receiver = aReceiver();
        List<SubscriptionId> list = subscribe(component, receiver);
        IncidentOpened opened = Incidents.opened(component, Impact.MINOR);
        try {
            // The consumer committed the first page and stopped there, as if killed: its record's offset was never
            // committed, so the event comes again.
            Fanout.Outcome first = firstPage(opened);
            assertThat(first.results()).containsExactly(Fanout.Result.ACCEPTED);
            assertThat(first.underWay().done()).isFalse();
            UUID cursor = cursor(opened.eventId());
            assertThat(cursor).isNotNull();
            long before = list.stream().filter(id -> Fanout.compare(id.value(), cursor) <= 0).count();
            assertThat(deliveriesOf(opened.eventId())).isEqualTo(before).isLessThan(SUBSCRIBERS);
            double resumed = resumedCount();

            publish(opened);
            // Counted once the consumer's fan-out returned, after the last page's commit.
            await().atMost(TIMEOUT).until(() -> cursor(opened.eventId()) == null && resumedCount() == resumed + 1);
            assertThat(jdbc.sql("SELECT count(DISTINCT subscription_id) FROM deliveries WHERE event_id = ?").param(opened.eventId())
                    .query(Long.class).single()).isEqualTo(SUBSCRIBERS);
            assertThat(deliveriesOf(opened.eventId())).isEqualTo(SUBSCRIBERS);
            assertThat(counted(opened.eventId()))
                    .as("each page counted once").isEqualTo(SUBSCRIBERS);

            // The first consumer, had it lived on, finds the fan-out complete and creates nothing.
            assertThat(nextPage(first.underWay())).isZero();
            assertThat(first.underWay().done()).isTrue();
            assertThat(deliveriesOf(opened.eventId())).isEqualTo(SUBSCRIBERS);
        } finally {
            list.forEach(commands::delete);
        }
    }

    @Test
    void anEventThatPagesGaveNothingKeepsItsFirstCursorAndResumesFromItCreatingExactlyWhatIsLacking() {
        String component = freshComponent("lagging-list");
        List<SubscriptionId> list = subscribe(component, aReceiver());
        IncidentOpened toTheList = Incidents.opened(component, Impact.MINOR);
        IncidentOpened toNobody = Incidents.opened(freshComponent("nobody"), Impact.MINOR);
        try {
            // Two pages committed, then the consumer stopped, as if killed.
            Fanout.Outcome first = firstPage(toTheList, toNobody);
            UUID firstCursor = cursor(toNobody.eventId());
            assertThat(cursor(toTheList.eventId())).isEqualTo(firstCursor).isNotNull();
            nextPage(first.underWay());
            assertThat(first.underWay().done()).isFalse();

            UUID listCursor = cursor(toTheList.eventId());
            assertThat(Fanout.compare(listCursor, firstCursor)).as("the list's event is a page further").isPositive();
            assertThat(cursor(toNobody.eventId())).as("a page that gave nothing leaves the cursor").isEqualTo(firstCursor);
            assertThat(deliveriesOf(toTheList.eventId()))
                    .isEqualTo(list.stream().filter(id -> Fanout.compare(id.value(), listCursor) <= 0).count());

            double resumed = resumedCount();
            publish(toTheList, toNobody);
            await().atMost(TIMEOUT).until(() -> cursor(toTheList.eventId()) == null && cursor(toNobody.eventId()) == null
                    && resumedCount() == resumed + 2);
            assertThat(deliveriesOf(toTheList.eventId())).isEqualTo(SUBSCRIBERS);
            assertThat(counted(toTheList.eventId())).isEqualTo(SUBSCRIBERS);
            assertThat(deliveriesOf(toNobody.eventId())).isZero();
            assertThat(counted(toNobody.eventId())).isZero();
        } finally {
            list.forEach(commands::delete);
        }
    }

    @Test
    void aDeletionInThePollOfAListsEventCancelsEveryPageOfItsDeliveries() {
        String component = freshComponent("deleted-list");
        List<SubscriptionId> list = subscribe(component, aReceiver());
        IncidentOpened opened = Incidents.opened(component, Impact.MINOR);
        Instant now = Instant.now();
        IncidentDeleted deleted = new IncidentDeleted(UUID.randomUUID(), opened.incidentId(), 2, now, now, "Opened by mistake",
                Incidents.identified(opened).incident(), "ops-admin");
        try {
            Fanout.Outcome outcome = intake.fanOut(List.of(new Fanout.Incoming(opened, StoredTrace.NONE),
                    new Fanout.Incoming(deleted, StoredTrace.NONE)));

            assertThat(outcome.deliveries()).isEqualTo(SUBSCRIBERS);
            assertThat(cursor(opened.eventId())).isNull();
            assertThat(jdbc.sql("SELECT status, count(*) FROM deliveries WHERE event_id = ? GROUP BY status").param(opened.eventId())
                    .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                    .as("all pages written before the deletion cancelled them, none sent")
                    .containsExactly("cancelled=" + SUBSCRIBERS);
        } finally {
            list.forEach(commands::delete);
        }
    }

    private List<SubscriptionId> subscribe(String component, Receiver receiver) {
        List<SubscriptionId> list = new ArrayList<>();
        SubscriptionFilter filter = new SubscriptionFilter(Set.of(component), Set.of(), null, false);
        for (int i = 0; i < SUBSCRIBERS; i++) {
            list.add(commands.subscribeWebhook(receiver.url("/list/" + i), filter).subscription().id());
        }
        return list;
    }

    /** The first transaction of the events' fan-out, its deliveries handed over, and nothing after it. */
    private Fanout.Outcome firstPage(IncidentOpened... events) {
        HandOff.Lot lot = handOff.lot();
        Fanout.Outcome first = fanout.accept(Arrays.stream(events).map(e -> new Fanout.Incoming(e, StoredTrace.NONE)).toList(), lot);
        lot.handOver(Instant.now());
        return first;
    }

    /** The next transaction of a fan-out under way, its deliveries handed over; returns how many it created. */
    private int nextPage(Fanout.UnderWay underWay) {
        HandOff.Lot lot = handOff.lot();
        int created = fanout.proceed(underWay, lot);
        lot.handOver(Instant.now());
        return created;
    }

    private long deliveriesOf(UUID eventId) {
        return count("deliveries WHERE event_id = '" + eventId + "'");
    }

    /** The deliveries the event's fan-out counted, with its id. */
    private int counted(UUID eventId) {
        return jdbc.sql("SELECT deliveries FROM seen_events WHERE event_id = ?").param(eventId).query(Integer.class).single();
    }

    private UUID cursor(UUID eventId) {
        return jdbc.sql("SELECT fanout_after FROM seen_events WHERE event_id = ?").param(eventId).query(UUID.class).optional().orElse(null);
    }

    private boolean waitingOnALock() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO deliveries%'""")
                .query(Long.class).single() >= 1;
    }

    private double resumedCount() {
        Counter counter = registry.find("sitrep.events.received").tag("type", "incident.opened").tag("outcome", "resumed").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Whether the event was seen and its fan-out is complete: its first page is committed with it, the others after. */
    private boolean fannedOut(UUID eventId) {
        return count("seen_events WHERE event_id = '" + eventId + "' AND fanout_after IS NULL") == 1;
    }
}
