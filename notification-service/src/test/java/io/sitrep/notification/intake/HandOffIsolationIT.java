package io.sitrep.notification.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.Impact;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * issue 17 (scenario 5, isolation): one receiver's trouble keeps only its own deliveries from being born claimed. A
 * delivery the fan-out had to leave to the claim (its endpoint had no slot free, or its host's breaker was open) used to
 * hold every endpoint's new deliveries behind it until a claim found nothing due; with a receiver that hangs or answers
 * 503 that was nearly every poll, and the healthy receivers' deliveries went through the claim too. Claims are a second
 * apart here and the poll a minute, so a delivery that arrives sooner was handed over in memory. The tests fan out
 * through the intake as a poll does, over real HTTP to the receivers.
 */
class HandOffIsolationIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(5);
    /** The attempts one webhook endpoint takes at once (endpoint-concurrency's default). */
    private static final int SLOTS = 4;

    @DynamicPropertySource
    static void claimsASecondApart(DynamicPropertyRegistry registry) {
        registry.add("sitrep.notification.delivery.poll-interval", () -> "1m");
        registry.add("sitrep.notification.delivery.claim-interval", () -> "1s");
        // A hanging receiver hangs for the whole test, and an open breaker stays open.
        registry.add("sitrep.notification.webhooks.request-timeout", () -> "30s");
        registry.add("sitrep.notification.delivery.lease", () -> "1m");
        registry.add("sitrep.notification.delivery.breaker.open-for", () -> "1m");
    }

    @Autowired
    private IncidentEventConsumer intake;

    @Autowired
    private HandOff handOff;

    @Autowired
    private EndpointIsolation isolation;

    @Autowired
    private DispatchSignal signal;

    @Autowired
    private MeterRegistry registry;

    @Test
    void aHangingReceiverKeepsNoOtherReceiversDeliveriesFromBeingBornClaimed() {
        String component = freshComponent("hangs");
        Receiver hanging = aReceiver().hang();
        Receiver healthy = aReceiver();
        subscribeWebhook(hanging.url(), component);
        subscribeWebhook(healthy.url(), component);
        awaitNothingQueued();
        double start = handedOver("sent");
        // The hanging receiver's bulkhead fills with attempts that get no answer.
        for (int i = 1; i <= SLOTS; i++) {
            fanOut(Incidents.opened(component, Impact.MINOR));
            assertThat(healthy.awaitRequests(i, SOON)).hasSize(i);
        }
        assertThat(hanging.awaitRequests(SLOTS, SOON)).hasSize(SLOTS);
        await().atMost(SOON).until(() -> handedOver("sent") - start == 2 * SLOTS);
        double before = handedOver("sent");
        int more = 8;

        for (int i = 1; i <= more; i++) {
            fanOut(Incidents.opened(component, Impact.MINOR));
            assertThat(healthy.awaitRequests(SLOTS + i, SOON)).hasSize(SLOTS + i);
        }

        await().atMost(SOON).untilAsserted(() -> assertThat(handedOver("sent") - before)
                .as("the healthy receiver's deliveries, each handed over born claimed while the other hangs").isEqualTo(more));
    }

    @Test
    void aReceiverWhoseBreakerIsOpenKeepsNoOtherReceiversDeliveriesFromBeingBornClaimed() {
        String component = freshComponent("refuses");
        Receiver refusing = aReceiver().answerAlways(503);
        Receiver healthy = aReceiver();
        String refusingId = subscribeWebhook(refusing.url(), component).get("id").asString();
        subscribeWebhook(healthy.url(), component);
        awaitNothingQueued();
        // A host new to the breaker opens it with its fifth failed attempt (at least five counted, over half failed).
        for (int i = 1; i <= 5; i++) {
            fanOut(Incidents.opened(component, Impact.MINOR));
            assertThat(refusing.awaitRequests(i, SOON)).hasSizeGreaterThanOrEqualTo(i);
            assertThat(healthy.awaitRequests(i, SOON)).hasSize(i);
        }
        String endpoint = jdbc.sql("SELECT DISTINCT endpoint FROM deliveries WHERE subscription_id = ?::uuid").param(refusingId)
                .query(String.class).single();
        await().atMost(SOON).until(() -> isolation.freeSlots().getOrDefault(endpoint, SLOTS) == 0);
        awaitNothingQueued();
        double before = handedOver("sent");
        int more = 8;

        for (int i = 1; i <= more; i++) {
            fanOut(Incidents.opened(component, Impact.MINOR));
            assertThat(healthy.awaitRequests(5 + i, SOON)).hasSize(5 + i);
        }

        await().atMost(SOON).untilAsserted(() -> assertThat(handedOver("sent") - before)
                .as("the healthy receiver's deliveries, each handed over born claimed while the other's breaker is open").isEqualTo(more));
        assertThat(handOff.behindAQueue(endpoint)).as("the refusing receiver's new deliveries wait for the claim").isTrue();
    }

    /** Waits for a claim that reached every endpoint, as between bursts: only then are deliveries born claimed. */
    private void awaitNothingQueued() {
        signal.wake();
        await().atMost(SOON).until(() -> !handOff.behindAQueue());
    }

    private void fanOut(IncidentOpened event) {
        intake.fanOut(List.of(new Fanout.Incoming(event, StoredTrace.NONE)));
    }

    private double handedOver(String result) {
        return registry.find("sitrep.deliveries.handed_over").tag("result", result).counters().stream().mapToDouble(Counter::count).sum();
    }
}
