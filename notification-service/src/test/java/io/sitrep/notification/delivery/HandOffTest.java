package io.sitrep.notification.delivery;

import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.support.tracing.StoredTrace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** issue 17: deliveries born claimed, handed to the dispatcher in memory; bounded, isolated, and given back when it cannot take them. */
class HandOffTest {

    private static final Instant T0 = Instant.parse("2026-12-02T01:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final String A = "https://a.example/hook";
    private static final String B = "https://b.example/hook";
    private static final String C = "https://c.example/hook";
    private static final String D = "https://d.example/hook";

    private final Deliveries deliveries = mock(Deliveries.class);
    private final DispatchSignal signal = new DispatchSignal();
    private final Slots slots = new Slots(4);

    @Test
    void aDeliveryCreatedIsHandedOverBornClaimedUnderTheReservationsLease() {
        HandOff handOff = openHandOff(10, 64);
        HandOff.Lot lot = handOff.lot();
        List<Deliveries.NewDelivery> batch = deliveriesTo("https://a.example/hook", 1);

        HandOff.Reservation reservation = lot.reserve(batch, T0);
        lot.created(reservation, ids(batch), T0);
        int handedOver = lot.handOver(T0);

        List<HandOff.Handed> taken = handOff.take();
        assertThat(handedOver).isEqualTo(1);
        assertThat(taken).singleElement().satisfies(h -> {
            assertThat(h.delivery().id()).isEqualTo(batch.get(0).id());
            assertThat(h.delivery().lease()).isEqualTo(reservation.lease());
            assertThat(h.delivery().attempt()).isEqualTo(1);
            assertThat(h.delivery().trigger()).isEqualTo(AttemptTrigger.SCHEDULED);
        });
        assertThat(reservation.lease().until()).isEqualTo(T0.plus(LEASE));
        assertThat(handOff.held()).isZero();
    }

    @Test
    void noMoreAreReservedThanTheCapacityAndTheRestAreLeftToTheClaim() {
        HandOff handOff = openHandOff(3, 64);
        List<Deliveries.NewDelivery> batch = Stream.of("https://a.example/hook", "https://b.example/hook", "https://c.example/hook",
                "https://d.example/hook", "https://e.example/hook").flatMap(e -> deliveriesTo(e, 1).stream()).toList();

        HandOff.Lot lot = handOff.lot();
        HandOff.Reservation reservation = lot.reserve(batch, T0);

        assertThat(reservation.deliveries()).containsExactlyElementsOf(batch.subList(0, 3));
        assertThat(reservation.others(batch)).containsExactlyElementsOf(batch.subList(3, 5));
        assertThat(handOff.held()).isEqualTo(3);
        lot.created(reservation, ids(reservation.deliveries()), T0);
        lot.handOver(T0);
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);
        assertThat(handOff.lot().reserve(batch, T0).isEmpty()).as("the capacity is held").isTrue();
    }

    @Test
    void noMoreAreReservedThanTheDispatcherMayStart() {
        HandOff handOff = openHandOff(64, 2);

        HandOff.Reservation reservation = handOff.lot().reserve(deliveriesTo("https://a.example/hook", 1).stream()
                .collect(Collectors.toList()), T0);
        HandOff.Reservation more = handOff.lot().reserve(Stream.of("https://b.example/hook", "https://c.example/hook")
                .flatMap(e -> deliveriesTo(e, 1).stream()).toList(), T0);

        assertThat(reservation.deliveries()).hasSize(1);
        assertThat(more.deliveries()).hasSize(1);
    }

    @Test
    void anEndpointWithNoSlotFreeGetsNoDeliveryBornClaimed() {
        HandOff handOff = openHandOff(64, 64);
        List<Deliveries.NewDelivery> batch = deliveriesTo("https://a.example/hook", 6);

        HandOff.Reservation reservation = handOff.lot().reserve(batch, T0);

        assertThat(reservation.deliveries()).containsExactlyElementsOf(batch.subList(0, 4));
        assertThat(slots.heldAt("https://a.example/hook")).isEqualTo(4);
    }

    @Test
    void nothingIsReservedWhileNoDispatcherIsOpen() {
        HandOff handOff = new HandOff(64, signal, deliveries);
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);

        HandOff.Reservation reservation = handOff.lot().reserve(deliveriesTo("https://a.example/hook", 1), T0);

        assertThat(reservation.isEmpty()).isTrue();
        assertThat(slots.heldAt("https://a.example/hook")).isZero();
    }

    @Test
    void aLotAbandonedAfterItsTransactionFailedFreesItsSlotsAndItsRoom() {
        HandOff handOff = openHandOff(64, 64);
        HandOff.Lot lot = handOff.lot();
        List<Deliveries.NewDelivery> first = deliveriesTo("https://a.example/hook", 2);
        lot.created(lot.reserve(first, T0), ids(first), T0);
        lot.reserve(deliveriesTo("https://a.example/hook", 1), T0);

        lot.abandon();

        assertThat(slots.heldAt("https://a.example/hook")).isZero();
        assertThat(handOff.held()).isZero();
        assertThat(handOff.take()).isEmpty();
    }

    @Test
    void aDeliveryThatExistedAlreadyIsNotHandedOverAndFreesItsSlot() {
        HandOff handOff = openHandOff(64, 64);
        HandOff.Lot lot = handOff.lot();
        List<Deliveries.NewDelivery> batch = deliveriesTo("https://a.example/hook", 2);

        lot.created(lot.reserve(batch, T0), Set.of(batch.get(1).id()), T0);
        lot.handOver(T0);

        assertThat(handOff.take()).extracting(h -> h.delivery().id()).containsExactly(batch.get(1).id());
        assertThat(slots.heldAt("https://a.example/hook")).isEqualTo(1);
    }

    @Test
    void whatIsHandedOverAfterTheDispatcherClosedIsGivenBackDueAtOnce() {
        HandOff handOff = openHandOff(64, 64);
        HandOff.Lot lot = handOff.lot();
        List<Deliveries.NewDelivery> batch = deliveriesTo("https://a.example/hook", 1);
        lot.created(lot.reserve(batch, T0), ids(batch), T0);
        handOff.close(T0);

        int handedOver = lot.handOver(T0.plusMillis(5));

        assertThat(handedOver).isZero();
        verify(deliveries).release(any(Delivery.Delivering.class), eq(T0.plusMillis(5)));
        assertThat(slots.heldAt("https://a.example/hook")).isZero();
        assertThat(handOff.held()).isZero();
    }

    @Test
    void whatWaitsWhenTheDispatcherClosesIsGivenBackDueAtOnce() {
        HandOff handOff = openHandOff(64, 64);
        HandOff.Lot lot = handOff.lot();
        List<Deliveries.NewDelivery> batch = deliveriesTo("https://a.example/hook", 1);
        lot.created(lot.reserve(batch, T0), ids(batch), T0);
        lot.handOver(T0);

        handOff.close(T0.plusSeconds(1));

        verify(deliveries).release(any(Delivery.Delivering.class), eq(T0.plusSeconds(1)));
        assertThat(handOff.take()).isEmpty();
        assertThat(slots.heldAt("https://a.example/hook")).isZero();
    }

    @Test
    void aDisabledHandOffLeasesNothing() {
        HandOff handOff = new HandOff(0, signal, deliveries);
        handOff.open(taker(64));
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);

        HandOff.Reservation reservation = handOff.lot().reserve(deliveriesTo("https://a.example/hook", 1), T0);

        assertThat(reservation.isEmpty()).isTrue();
        verify(deliveries, never()).release(any(), any());
    }

    @Test
    void noDeliveryIsBornClaimedWhileTheLastClaimFoundSome() {
        HandOff handOff = openHandOff(64, 64);
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), false);

        boolean bornClaimed = aFanOutIsBornClaimed(handOff, A);

        assertThat(bornClaimed).isFalse();
        assertThat(handOff.behindAQueue()).isTrue();
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);
        assertThat(aFanOutIsBornClaimed(handOff, A)).isTrue();
    }

    @Test
    void aFanOutThatLeftSomeToTheClaimHoldsTheNextBehindThem() {
        HandOff handOff = openHandOff(2, 64);
        handOff.lot().reserve(Stream.of("https://a.example/hook", "https://b.example/hook", "https://c.example/hook")
                .flatMap(e -> deliveriesTo(e, 1).stream()).toList(), T0);

        HandOff.Reservation next = handOff.lot().reserve(deliveriesTo("https://d.example/hook", 1), T0);

        assertThat(next.isEmpty()).isTrue();
        assertThat(handOff.behindAQueue()).isTrue();
    }

    // issue 17 (scenario 5, isolation): a delivery left to the claim because its endpoint had no slot free (a receiver
    // hanging) or its host's breaker was open (a receiver answering 503) held every endpoint's next deliveries behind it,
    // so the healthy receivers' went through the claim too.
    @Test
    void anEndpointWithNoSlotFreeHoldsBackOnlyItsOwnNextDeliveries() {
        HandOff handOff = openHandOff(64, 64);
        handOff.lot().reserve(deliveriesTo(A, 5), T0);

        HandOff.Reservation other = handOff.lot().reserve(deliveriesTo(B, 1), T0);

        assertThat(other.deliveries()).hasSize(1);
        assertThat(handOff.behindAQueue(A)).isTrue();
        assertThat(handOff.behindAQueue(B)).isFalse();
        assertThat(handOff.behindAQueue()).isFalse();
    }

    @Test
    void anEndpointsNextDeliveriesWaitBehindTheOneLeftToTheClaimEvenOnceASlotIsFree() {
        HandOff handOff = openHandOff(64, 64);
        HandOff.Lot lot = handOff.lot();
        lot.reserve(deliveriesTo(A, 5), T0);
        lot.abandon();

        HandOff.Reservation next = handOff.lot().reserve(deliveriesTo(A, 1), T0);

        assertThat(next.isEmpty()).isTrue();
        assertThat(slots.heldAt(A)).isZero();
    }

    @Test
    void aClaimThatReachedEveryEndpointHoldsBackOnlyThoseItFoundDeliveriesAtOrHadNoSlotFree() {
        HandOff handOff = openHandOff(64, 64);

        handOff.claimed(handOff.ticket(), List.of(A), Map.of(B, 0, C, 3), true);

        HandOff.Reservation reservation = handOff.lot().reserve(Stream.of(A, B, C, D).flatMap(e -> deliveriesTo(e, 1).stream()).toList(), T0);
        assertThat(reservation.deliveries()).extracting(d -> d.sending().endpoint()).containsExactly(C, D);
        assertThat(handOff.behindAQueue()).isFalse();
    }

    @Test
    void aClaimThatFoundNothingAtAnEndpointWithASlotFreeLetsItsDeliveriesBeBornClaimedAgain() {
        HandOff handOff = openHandOff(64, 64);
        HandOff.Lot lot = handOff.lot();
        lot.reserve(deliveriesTo(A, 5), T0);
        lot.abandon();

        handOff.claimed(handOff.ticket(), List.of(), Map.of(A, 4), true);

        assertThat(handOff.lot().reserve(deliveriesTo(A, 1), T0).deliveries()).hasSize(1);
        assertThat(handOff.behindAQueue(A)).isFalse();
    }

    @Test
    void aClaimThatStoppedAtItsLimitHoldsBackEveryEndpoint() {
        HandOff handOff = openHandOff(64, 64);

        handOff.claimed(handOff.ticket(), List.of(A), Map.of(), false);

        assertThat(handOff.lot().reserve(deliveriesTo(D, 1), T0).isEmpty()).isTrue();
        assertThat(handOff.behindAQueue()).isTrue();
    }

    // issue 17: a claim's query reads a snapshot taken when it starts. Deliveries a fan-out left to the claim (here: the
    // hand-off was behind a queue, so none were born claimed) and committed meanwhile are not in it; when that claim
    // found nothing there, it forgot the endpoint, and the next fan-out's delivery there was born claimed ahead of them.
    @Test
    void aClaimThatBeganBeforeAFanOutCommittedDoesNotLetTheNextDeliveryThereBeBornClaimed() {
        HandOff handOff = openHandOff(64, 64);
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), false);
        HandOff.Ticket claim = handOff.ticket();
        HandOff.Lot fanOut = handOff.lot();
        List<Deliveries.NewDelivery> unleased = deliveriesTo(A, 1);
        assertThat(fanOut.reserve(unleased, T0).isEmpty()).as("behind a queue: created unleased").isTrue();
        fanOut.handOver(T0);

        handOff.claimed(claim, List.of(), Map.of(), true);

        assertThat(handOff.behindAQueue(A)).isTrue();
        assertThat(aFanOutIsBornClaimed(handOff, A)).as("the next waits behind the one the claim did not see").isFalse();
        assertThat(aFanOutIsBornClaimed(handOff, B)).as("the others' are born claimed again").isTrue();
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);
        assertThat(aFanOutIsBornClaimed(handOff, A)).as("a claim that began after the commit saw it").isTrue();
    }

    // issue 17: the same race, with a delivery left to the claim because its endpoint had no slot free for it.
    @Test
    void aClaimThatBeganBeforeAFanOutLeftADeliveryWithNoSlotFreeDoesNotForgetItsEndpoint() {
        HandOff handOff = openHandOff(64, 64);
        HandOff.Ticket claim = handOff.ticket();
        HandOff.Lot fanOut = handOff.lot();
        List<Deliveries.NewDelivery> batch = deliveriesTo(A, 5);
        HandOff.Reservation reservation = fanOut.reserve(batch, T0);
        fanOut.created(reservation, ids(reservation.deliveries()), T0);
        fanOut.handOver(T0);
        handOff.take().forEach(h -> h.slot().free());

        handOff.claimed(claim, List.of(), Map.of(), true);

        assertThat(reservation.others(batch)).hasSize(1);
        assertThat(aFanOutIsBornClaimed(handOff, A)).isFalse();
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);
        assertThat(aFanOutIsBornClaimed(handOff, A)).isTrue();
    }

    // issue 17: while the fan-out's transaction runs, no claim can have seen what it created unleased.
    @Test
    void noClaimForgetsAnEndpointWhileAFanOutThatLeftDeliveriesThereIsUnderWay() {
        HandOff handOff = openHandOff(64, 64);
        HandOff.Lot fanOut = handOff.lot();
        fanOut.leaveToTheClaim(deliveriesTo(A, 1));

        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);

        assertThat(handOff.behindAQueue(A)).isTrue();
        fanOut.abandon();
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);
        assertThat(handOff.behindAQueue(A)).as("a claim that began after the rollback").isFalse();
    }

    // issue 17: a fan-out that ran out of room holds back every endpoint until a claim that began after its commit.
    @Test
    void aClaimThatBeganBeforeAFanOutRanOutOfRoomKeepsEveryEndpointBehindIt() {
        HandOff handOff = openHandOff(1, 64);
        HandOff.Lot fanOut = handOff.lot();
        HandOff.Reservation reservation = fanOut.reserve(Stream.of(A, B).flatMap(e -> deliveriesTo(e, 1).stream()).toList(), T0);
        fanOut.created(reservation, ids(reservation.deliveries()), T0);
        HandOff.Ticket claim = handOff.ticket();
        fanOut.handOver(T0);
        handOff.take().forEach(h -> h.slot().free());

        handOff.claimed(claim, List.of(), Map.of(), true);

        assertThat(handOff.behindAQueue()).isTrue();
        assertThat(aFanOutIsBornClaimed(handOff, C)).isFalse();
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);
        assertThat(handOff.behindAQueue()).isFalse();
        assertThat(aFanOutIsBornClaimed(handOff, C)).isTrue();
    }

    private HandOff openHandOff(int capacity, int attempts) {
        HandOff handOff = new HandOff(capacity, signal, deliveries);
        handOff.open(taker(attempts));
        // As after a claim that found nothing due.
        handOff.claimed(handOff.ticket(), List.of(), Map.of(), true);
        return handOff;
    }

    /** A fan-out of one delivery to the endpoint, committed and its attempt over: whether the delivery was born claimed. */
    private static boolean aFanOutIsBornClaimed(HandOff handOff, String endpoint) {
        HandOff.Lot lot = handOff.lot();
        HandOff.Reservation reservation = lot.reserve(deliveriesTo(endpoint, 1), T0);
        lot.created(reservation, ids(reservation.deliveries()), T0);
        lot.handOver(T0);
        handOff.take().forEach(h -> h.slot().free());
        return !reservation.isEmpty();
    }

    private HandOff.Taker taker(int attempts) {
        return new HandOff.Taker() {
            @Override
            public Duration lease() {
                return LEASE;
            }

            @Override
            public int attempts() {
                return attempts;
            }

            @Override
            public HandOff.Slot holdSlot(String endpoint) {
                return slots.hold(endpoint);
            }
        };
    }

    private static List<Deliveries.NewDelivery> deliveriesTo(String endpoint, int n) {
        return Stream.generate(() -> new Deliveries.NewDelivery(DeliveryId.random(), new SubscriptionId(UUID.randomUUID()),
                new Delivery.Sending(UUID.randomUUID(), "incident.opened", endpoint, new byte[] {'{', '}'}, T0, StoredTrace.NONE)))
                .limit(n).toList();
    }

    private static Set<DeliveryId> ids(List<Deliveries.NewDelivery> batch) {
        return batch.stream().map(Deliveries.NewDelivery::id).collect(Collectors.toSet());
    }

    /** Endpoint slots as the dispatcher's bulkheads keep them. */
    private static final class Slots {

        private final int perEndpoint;
        private final Map<String, Integer> held = new HashMap<>();

        Slots(int perEndpoint) {
            this.perEndpoint = perEndpoint;
        }

        HandOff.Slot hold(String endpoint) {
            if (heldAt(endpoint) >= perEndpoint) {
                return null;
            }
            held.merge(endpoint, 1, Integer::sum);
            return () -> held.merge(endpoint, -1, Integer::sum);
        }

        int heldAt(String endpoint) {
            return held.getOrDefault(endpoint, 0);
        }
    }
}
