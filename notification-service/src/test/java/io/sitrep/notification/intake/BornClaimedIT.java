package io.sitrep.notification.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentOpened;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.notification.delivery.dispatch.EndpointIsolation;
import io.sitrep.support.tracing.StoredTrace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * issue 17: deliveries born claimed. The intake creates those the dispatcher can start at once under this instance's
 * lease and hands them over in memory after its commit; the dispatcher sends them without a claim. The dispatcher's poll
 * is a minute here, so a delivery sent within seconds was handed over or claimed on the intake's wake-up; at most two
 * are held at once. Deliveries are born claimed only while no due ones may wait for a claim, so each test first waits
 * for a claim that finds nothing. The tests fan out through the intake as a poll does, without the broker, so that no other test
 * context's consumer fans the event out first.
 */
class BornClaimedIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void slowPollSmallHandOff(DynamicPropertyRegistry registry) {
        registry.add("sitrep.notification.delivery.poll-interval", () -> "1m");
        registry.add("sitrep.notification.delivery.hand-off-capacity", () -> "2");
    }

    @Autowired
    private IncidentEventConsumer intake;

    @Autowired
    private EndpointIsolation isolation;

    @Autowired
    private DispatchSignal signal;

    @Autowired
    private HandOff handOff;

    @Autowired
    private MeterRegistry registry;

    @Test
    void aDeliveryBornClaimedIsSentWithoutAClaim() {
        Receiver receiver = aReceiver();
        String component = freshComponent("born");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MINOR);
        double before = handedOver("sent");
        awaitNothingQueued();

        fanOut(opened);

        List<Receiver.Request> requests = receiver.awaitRequests(1, SOON);
        await().atMost(SOON).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        assertThat(handedOver("sent") - before).isEqualTo(1);
        assertThat(requests.get(0).header("webhook-id")).isEqualTo(deliveryId(id, opened.eventId()).toString());
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_attempts WHERE delivery_id = ?").param(deliveryId(id, opened.eventId()))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deliveriesBeyondAFullHandOffAreCreatedForTheClaimAndSentToo() {
        String component = freshComponent("full");
        List<Receiver> receivers = Stream.generate(this::aReceiver).limit(3).toList();
        List<String> ids = receivers.stream().map(r -> subscribeWebhook(r.url(), component).get("id").asString()).toList();
        IncidentOpened opened = Incidents.opened(component, Impact.MINOR);
        double before = handedOver("sent");
        awaitNothingQueued();

        fanOut(opened);

        receivers.forEach(r -> assertThat(r.awaitRequests(1, SOON)).hasSize(1));
        ids.forEach(id -> await().atMost(SOON).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId()))));
        assertThat(handedOver("sent") - before).as("born claimed: the hand-off holds two at most").isEqualTo(2);
    }

    @Test
    void anEndpointAtItsLimitGetsNoDeliveryBornClaimed() {
        Receiver receiver = aReceiver();
        String component = freshComponent("at-limit");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened first = Incidents.opened(component, Impact.MINOR);
        fanOut(first);
        receiver.awaitRequests(1, SOON);
        String endpoint = jdbc.sql("SELECT endpoint FROM deliveries WHERE id = ?").param(deliveryId(id, first.eventId()))
                .query(String.class).single();
        // As if four attempts to the endpoint were in flight: its bulkhead is full.
        List<EndpointIsolation.HeldSlot> busy = Stream.generate(() -> isolation.holdSlot(endpoint)).limit(4).toList();
        assertThat(busy).doesNotContainNull();
        IncidentOpened second = Incidents.opened(component, Impact.MINOR);
        double before = handedOver("sent");
        awaitNothingQueued();

        try {
            fanOut(second);

            assertThat(jdbc.sql("SELECT lease_id IS NULL FROM deliveries WHERE id = ?").param(deliveryId(id, second.eventId()))
                    .query(Boolean.class).single()).as("created unleased, for the claim").isTrue();
            await().during(Duration.ofSeconds(1)).atMost(SOON).until(() -> receiver.requests().size() == 1);
        } finally {
            busy.forEach(EndpointIsolation.HeldSlot::free);
        }
        signal.wake();

        assertThat(receiver.awaitRequests(2, SOON)).hasSize(2);
        assertThat(handedOver("sent") - before).isZero();
    }

    // A deletion cancels, in its fan-out's transaction, the incident's deliveries made in the same poll: none of them
    // may be handed over, since the dispatcher sends what it is handed without reading the delivery again.
    @Test
    void aDeliveryCancelledByADeletionInTheSamePollIsNotSent() {
        Receiver receiver = aReceiver();
        String component = freshComponent("deleted");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MINOR);
        Instant now = Instant.now();
        IncidentDeleted deleted = new IncidentDeleted(UUID.randomUUID(), opened.incidentId(), 2, now, now, "Opened by mistake",
                opened.incident(), "ops-admin");
        awaitNothingQueued();

        intake.fanOut(List.of(new Fanout.Incoming(opened, StoredTrace.NONE), new Fanout.Incoming(deleted, StoredTrace.NONE)));

        assertThat(deliveryStatus(id, opened.eventId())).isEqualTo("cancelled");
        String cancelled = deliveryId(id, opened.eventId()).toString();
        await().during(Duration.ofSeconds(2)).atMost(SOON).until(() -> receiver.requests().stream()
                .noneMatch(r -> cancelled.equals(r.header("webhook-id"))));
    }

    /** Waits for a claim that finds nothing due, as between bursts: only then are deliveries born claimed. */
    private void awaitNothingQueued() {
        signal.wake();
        await().atMost(SOON).until(() -> !handOff.behindAQueue());
    }

    private void fanOut(IncidentOpened event) {
        intake.fanOut(List.of(new Fanout.Incoming(event, StoredTrace.NONE)));
    }

    private UUID deliveryId(String subscriptionId, UUID eventId) {
        return jdbc.sql("SELECT id FROM deliveries WHERE subscription_id = ?::uuid AND event_id = ?").params(subscriptionId, eventId)
                .query(UUID.class).single();
    }

    private double handedOver(String result) {
        return registry.find("sitrep.deliveries.handed_over").tag("result", result).counters().stream().mapToDouble(Counter::count).sum();
    }
}
