package io.sitrep.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Deliveries born claimed: the intake creates those this instance's dispatcher can start at once already under a lease
 * of this instance, in the fan-out's own transaction, and once that transaction commits hands them over here, in
 * memory, so that the dispatcher sends them without a claim (ADR 0020). The lease keeps every guarantee of a claim: if
 * the hand-off is lost with the process, the lease expires and any dispatcher's claim takes the delivery as it stands,
 * with the same webhook-id.
 *
 * <p>Bounded: no more deliveries are held (reserved by a fan-out under way, or handed over and not taken yet) than
 * {@code capacity}, nor more than the attempts the dispatcher may start ({@link Taker#attempts}); each holds a slot of
 * its endpoint from the moment it is reserved ({@link Taker#holdSlot}), so an endpoint at its limit, or whose host is
 * shut off, gets none. Whatever does not fit is created unleased, for the claim, as without a hand-off. And none go
 * ahead of a queue: while due deliveries may wait anywhere (the last claim stopped at its limit, or a fan-out ran out of
 * room), none are born claimed; while they may wait at one endpoint (the last claim found some there, or the endpoint had
 * no slot free for the claim or a fan-out), none of that endpoint's are, and the other endpoints' still are: one
 * receiver's trouble does not send every other receiver's deliveries through the claim. While no
 * dispatcher is open here (none runs in this instance, or it stopped), nothing is leased; what is handed over after it
 * closed, or still waits when it closes, is given back due at once.
 */
public final class HandOff {

    /** The dispatcher's side: what it can start now. */
    public interface Taker {

        /** The length of the lease a delivery is born under. */
        Duration lease();

        /** How many more attempts may start now in this instance. */
        int attempts();

        /** Holds a slot of the endpoint for one attempt, if one is free now and its host is not shut off; else null. */
        Slot holdSlot(String endpoint);
    }

    /** A slot of an endpoint, held for a delivery until its attempt ends, or freed if it never starts. */
    public interface Slot {

        /** The attempt will not start: the slot is free again. */
        void free();
    }

    /** A delivery handed over, with the slot it holds. */
    public record Handed(Delivery.Delivering delivery, Slot slot) {

        public Handed {
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(slot, "slot");
        }
    }

    private final int capacity;
    private final DispatchSignal signal;
    private final Deliveries deliveries;
    private final ArrayDeque<Handed> waiting = new ArrayDeque<>();
    private int held;
    private Taker taker;
    /** Whether due deliveries of any endpoint may be waiting for a claim: until a claim reaches every endpoint, none are born claimed. */
    private boolean queued = true;
    /** The endpoints whose due deliveries may be waiting for a claim: until a claim finds none there, theirs are not born claimed. */
    private final Set<String> queuedAt = new HashSet<>();

    /**
     * @param capacity   the most deliveries held at once; 0 leases none
     * @param signal     woken when deliveries are handed over
     * @param deliveries where deliveries that cannot be handed over are given back
     */
    public HandOff(int capacity, DispatchSignal signal, Deliveries deliveries) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.signal = Objects.requireNonNull(signal, "signal");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    }

    /** The dispatcher is ready to take deliveries. */
    public synchronized void open(Taker taker) {
        this.taker = Objects.requireNonNull(taker, "taker");
    }

    /** The dispatcher takes no more: nothing is leased from now on, and what waits is given back due at once. */
    public void close(Instant now) {
        List<Handed> left;
        synchronized (this) {
            taker = null;
            left = drain();
        }
        giveBack(left, now);
    }

    /** The deliveries handed over since the last call, oldest first, for the dispatcher to send. */
    public synchronized List<Handed> take() {
        return drain();
    }

    /**
     * What the dispatcher's last claim found, by endpoint. A claim that stopped at its limit may have left due deliveries
     * anywhere: none are born claimed until one reaches every endpoint. One that did leaves them only where it found
     * some (there may be more) and where it could take none (no slot free, or the host shut off): only those endpoints'
     * new deliveries go to the claim, in their turn behind them.
     *
     * @param found      the endpoint of each delivery claimed
     * @param freeSlots  the slots free at each endpoint when it claimed, as the claim saw them (an endpoint not listed had all)
     * @param reachedAll whether it reached every endpoint with deliveries due (it claimed fewer than its limit)
     */
    public synchronized void claimed(Collection<String> found, Map<String, Integer> freeSlots, boolean reachedAll) {
        if (!reachedAll) {
            queued = true;
            queuedAt.addAll(found);
            return;
        }
        queued = false;
        queuedAt.clear();
        queuedAt.addAll(found);
        freeSlots.forEach((endpoint, free) -> {
            if (free <= 0) {
                queuedAt.add(endpoint);
            }
        });
    }

    /** Whether due deliveries of any endpoint may be waiting for a claim, so that none are born claimed now. */
    public synchronized boolean behindAQueue() {
        return queued;
    }

    /** Whether due deliveries to the endpoint may be waiting for a claim, so that none of its are born claimed now. */
    public synchronized boolean behindAQueue(String endpoint) {
        return queued || queuedAt.contains(endpoint);
    }

    /** How many deliveries are held: reserved by a fan-out under way, or waiting to be taken. */
    public synchronized int held() {
        return held;
    }

    /** The hand-off of one fan-out: reserve while it runs, then hand over after its commit, or abandon after its failure. */
    public Lot lot() {
        return new Lot();
    }

    private List<Handed> drain() {
        List<Handed> taken = new ArrayList<>(waiting);
        waiting.clear();
        held -= taken.size();
        return taken;
    }

    private void giveBack(List<Handed> left, Instant now) {
        for (Handed h : left) {
            h.slot().free();
            deliveries.release(h.delivery(), h.delivery().release(now, now).state().dueAt());
        }
    }

    /** New deliveries to be created under {@code lease}, each holding a slot of its endpoint. */
    public record Reservation(Lease lease, List<Deliveries.NewDelivery> deliveries) {

        static final Reservation NONE = new Reservation(null, List.of());

        public Reservation {
            deliveries = List.copyOf(deliveries);
        }

        public boolean isEmpty() {
            return deliveries.isEmpty();
        }

        /** Of the candidates, those to be created unleased, for the claim. */
        public List<Deliveries.NewDelivery> others(List<Deliveries.NewDelivery> candidates) {
            if (deliveries.isEmpty()) {
                return candidates;
            }
            Set<DeliveryId> leased = new HashSet<>();
            deliveries.forEach(d -> leased.add(d.id()));
            return candidates.stream().filter(d -> !leased.contains(d.id())).toList();
        }
    }

    /**
     * What one fan-out leases and hands over. Used by the fan-out's thread alone, which reserves, then hands over or
     * abandons, once.
     */
    public final class Lot {

        private final Map<DeliveryId, Slot> reserved = new HashMap<>();
        private final List<Handed> created = new ArrayList<>();
        private boolean ended;

        private Lot() {
        }

        /**
         * Picks, among new deliveries about to be created, those the dispatcher can start at once, and holds a slot of
         * its endpoint for each; they are to be created under the reservation's lease ({@link Deliveries#insertLeased}).
         */
        public Reservation reserve(List<Deliveries.NewDelivery> candidates, Instant now) {
            if (ended) {
                throw new IllegalStateException("the lot was handed over or abandoned");
            }
            List<Deliveries.NewDelivery> chosen = new ArrayList<>();
            Lease lease;
            synchronized (HandOff.this) {
                if (taker == null || capacity == 0 || candidates.isEmpty() || queued) {
                    return Reservation.NONE;
                }
                lease = new Lease(UUID.randomUUID(), now.plus(taker.lease()));
                int room = Math.min(capacity, taker.attempts()) - held;
                int left = 0;
                for (Deliveries.NewDelivery d : candidates) {
                    String endpoint = d.sending().endpoint();
                    if (chosen.size() >= room) {
                        left++;
                    } else if (!queuedAt.contains(endpoint)) {
                        Slot slot = taker.holdSlot(endpoint);
                        if (slot != null) {
                            chosen.add(d);
                            reserved.put(d.id(), slot);
                        } else {
                            // No slot there, or its host shut off: the claim takes it in its turn, and the endpoint's next
                            // ones wait behind it; the other endpoints' need not.
                            queuedAt.add(endpoint);
                        }
                    }
                }
                held += chosen.size();
                // Out of room: the others are created for the claim, and until it reached them all, every next one waits.
                queued = left > 0;
            }
            return chosen.isEmpty() ? Reservation.NONE : new Reservation(lease, chosen);
        }

        /** Of a reservation, the deliveries that were created; any other (one existed already) holds nothing any more. */
        public void created(Reservation reservation, Set<DeliveryId> inserted, Instant now) {
            int dropped = 0;
            for (Deliveries.NewDelivery d : reservation.deliveries()) {
                Slot slot = reserved.remove(d.id());
                if (inserted.contains(d.id())) {
                    created.add(new Handed(Delivery.queue(d.id(), d.subscriptionId(), now).claim(d.sending(), reservation.lease(), now)
                            .state(), slot));
                } else {
                    slot.free();
                    dropped++;
                }
            }
            if (dropped > 0) {
                synchronized (HandOff.this) {
                    held -= dropped;
                }
            }
        }

        /**
         * The fan-out committed: its leased deliveries go to the dispatcher, or back to the claim if it closed meanwhile.
         *
         * @return how many were handed over
         */
        public int handOver(Instant now) {
            end();
            if (created.isEmpty()) {
                return 0;
            }
            boolean open;
            synchronized (HandOff.this) {
                open = taker != null;
                if (open) {
                    waiting.addAll(created);
                } else {
                    held -= created.size();
                }
            }
            if (!open) {
                giveBack(created, now);
                return 0;
            }
            signal.handOver();
            return created.size();
        }

        /** The fan-out failed and its transaction rolled back: nothing it reserved was created. */
        public void abandon() {
            if (ended) {
                return;
            }
            ended = true;
            created.forEach(h -> h.slot().free());
            reserved.values().forEach(Slot::free);
            synchronized (HandOff.this) {
                held -= created.size() + reserved.size();
            }
            created.clear();
            reserved.clear();
        }

        private void end() {
            if (ended) {
                throw new IllegalStateException("the lot was handed over or abandoned already");
            }
            ended = true;
        }
    }
}
