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
 * no slot free for the claim or a fan-out, or a fan-out created some unleased), none of that endpoint's are, and the
 * other endpoints' still are: one receiver's trouble does not send every other receiver's deliveries through the claim.
 * While no dispatcher is open here (none runs in this instance, or it stopped), nothing is leased; what is handed over
 * after it closed, or still waits when it closes, is given back due at once.
 *
 * <p>A claim forgets only what it could see. Its query reads a snapshot taken when it starts, so deliveries a fan-out
 * commits meanwhile are not in it: had that claim, finding nothing, cleared their endpoint's mark, the next fan-out's
 * deliveries there would be born claimed ahead of them. So every mark (an endpoint's, or the one for every endpoint)
 * counts the fan-outs whose transactions run with deliveries left to the claim under it ({@code pending}), and keeps a
 * stamp from one sequence: the fan-out's, taken when its transaction ended (committed or rolled back), or the claim's
 * that set it. The dispatcher takes a {@link #ticket} from the same sequence before its claim's query, and the claim
 * clears only marks with none pending and stamped before its ticket: their deliveries had committed before its
 * snapshot began. A mark it may not clear stays for the next claim, which each fan-out that leaves deliveries to the
 * claim asks for after its commit. A fan-out whose lot is never handed over nor abandoned keeps its marks pending: its
 * endpoints' deliveries go through the claim, nothing worse.
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
    /** The sequence tickets and stamps are taken from. */
    private long sequence;
    /** Set while due deliveries of any endpoint may be waiting for a claim: until a claim reaches every endpoint, none are born claimed. */
    private Mark everywhere = new Mark();
    /** The endpoints whose due deliveries may be waiting for a claim: until a claim finds none there, theirs are not born claimed. */
    private final Map<String, Mark> marked = new HashMap<>();

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
     * Taken by the dispatcher before its claim's query, and given back with what the claim found ({@link #claimed}): the
     * claim clears only the marks whose deliveries had committed before its ticket was taken.
     */
    public synchronized Ticket ticket() {
        return new Ticket(++sequence);
    }

    /**
     * What the dispatcher's claim found, by endpoint. A claim that stopped at its limit may have left due deliveries
     * anywhere: none are born claimed until one reaches every endpoint. One that did leaves them only where it found
     * some (there may be more), where it could take none (no slot free, or the host shut off), and where a fan-out left
     * some that its snapshot may not hold (still pending, or stamped after its ticket): only those endpoints' new
     * deliveries go to the claim, in their turn behind them.
     *
     * @param ticket     taken before the claim's query
     * @param found      the endpoint of each delivery claimed
     * @param freeSlots  the slots free at each endpoint when it claimed, as the claim saw them (an endpoint not listed had all)
     * @param reachedAll whether it reached every endpoint with deliveries due (it claimed fewer than its limit)
     */
    public synchronized void claimed(Ticket ticket, Collection<String> found, Map<String, Integer> freeSlots, boolean reachedAll) {
        Objects.requireNonNull(ticket, "ticket");
        if (!reachedAll) {
            everywhere = stamp(everywhere, ticket.sequence());
        } else {
            if (everywhere != null && everywhere.clearableBy(ticket)) {
                everywhere = null;
            }
            marked.values().removeIf(mark -> mark.clearableBy(ticket));
            freeSlots.forEach((endpoint, free) -> {
                if (free <= 0) {
                    marked.put(endpoint, stamp(marked.get(endpoint), ticket.sequence()));
                }
            });
        }
        for (String endpoint : found) {
            marked.put(endpoint, stamp(marked.get(endpoint), ticket.sequence()));
        }
    }

    /** Whether due deliveries of any endpoint may be waiting for a claim, so that none are born claimed now. */
    public synchronized boolean behindAQueue() {
        return everywhere != null;
    }

    /** Whether due deliveries to the endpoint may be waiting for a claim, so that none of its are born claimed now. */
    public synchronized boolean behindAQueue(String endpoint) {
        return everywhere != null || marked.containsKey(endpoint);
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

    private static Mark stamp(Mark mark, long stamp) {
        Mark m = mark != null ? mark : new Mark();
        m.stamp = Math.max(m.stamp, stamp);
        return m;
    }

    private void giveBack(List<Handed> left, Instant now) {
        for (Handed h : left) {
            h.slot().free();
            deliveries.release(h.delivery(), h.delivery().release(now, now).state().dueAt());
        }
    }

    /** Taken from the hand-off's sequence before a claim's query (see the class comment). */
    public record Ticket(long sequence) {
    }

    /**
     * A reason why due deliveries may be waiting for a claim, at one endpoint or at every one: a claim may clear it only
     * once no fan-out's transaction runs under it and it was stamped before the claim's ticket.
     */
    private static final class Mark {

        /** The fan-outs under way that left deliveries to the claim under this mark. */
        int pending;
        /** When its last deliveries had committed (or rolled back), or when the claim that set it took its ticket. */
        long stamp;

        boolean clearableBy(Ticket ticket) {
            return pending == 0 && stamp < ticket.sequence();
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
        /** The endpoints this lot left deliveries to the claim at, their marks pending until it ends. */
        private final Set<String> left = new HashSet<>();
        /** Whether it ran out of room, the mark for every endpoint pending until it ends. */
        private boolean leftEverywhere;
        private boolean ended;

        private Lot() {
        }

        /**
         * Picks, among new deliveries about to be created, those the dispatcher can start at once, and holds a slot of
         * its endpoint for each; they are to be created under the reservation's lease ({@link Deliveries#insertLeased}).
         * The others are to be created unleased, for the claim: their endpoints are marked until this lot ends.
         */
        public Reservation reserve(List<Deliveries.NewDelivery> candidates, Instant now) {
            if (ended) {
                throw new IllegalStateException("the lot was handed over or abandoned");
            }
            if (capacity == 0 || candidates.isEmpty()) {
                return Reservation.NONE;
            }
            List<Deliveries.NewDelivery> chosen = new ArrayList<>();
            Lease lease = null;
            synchronized (HandOff.this) {
                boolean leasing = taker != null && everywhere == null;
                int room = 0;
                if (leasing) {
                    lease = new Lease(UUID.randomUUID(), now.plus(taker.lease()));
                    room = Math.min(capacity, taker.attempts()) - held;
                }
                boolean outOfRoom = false;
                for (Deliveries.NewDelivery d : candidates) {
                    String endpoint = d.sending().endpoint();
                    if (leasing && chosen.size() >= room) {
                        outOfRoom = true;
                    } else if (leasing && !marked.containsKey(endpoint)) {
                        Slot slot = taker.holdSlot(endpoint);
                        if (slot != null) {
                            chosen.add(d);
                            reserved.put(d.id(), slot);
                            continue;
                        }
                        // No slot there, or its host shut off: the claim takes it in its turn, and the endpoint's next
                        // ones wait behind it (marked below); the other endpoints' need not.
                    }
                    leave(endpoint);
                }
                held += chosen.size();
                // Out of room: the others are created for the claim, and until it reached them all, every next one waits.
                if (outOfRoom && !leftEverywhere) {
                    leftEverywhere = true;
                    everywhere = everywhere != null ? everywhere : new Mark();
                    everywhere.pending++;
                }
            }
            return chosen.isEmpty() ? Reservation.NONE : new Reservation(lease, chosen);
        }

        /**
         * New deliveries about to be created unleased, none born claimed (a poll with a deletion): their endpoints are
         * marked until this lot ends, so that none of their next deliveries go ahead of them.
         */
        public void leaveToTheClaim(List<Deliveries.NewDelivery> deliveries) {
            if (ended) {
                throw new IllegalStateException("the lot was handed over or abandoned");
            }
            if (capacity == 0 || deliveries.isEmpty()) {
                return;
            }
            synchronized (HandOff.this) {
                deliveries.forEach(d -> leave(d.sending().endpoint()));
            }
        }

        /** Marks the endpoint, pending until this lot ends; called holding the hand-off's lock. */
        private void leave(String endpoint) {
            if (left.add(endpoint)) {
                marked.computeIfAbsent(endpoint, e -> new Mark()).pending++;
            }
        }

        /** The transaction ended (committed or rolled back): the lot's marks are stamped with the sequence now. */
        private void settle() {
            if (left.isEmpty() && !leftEverywhere) {
                return;
            }
            synchronized (HandOff.this) {
                long stamp = ++sequence;
                for (String endpoint : left) {
                    Mark mark = marked.get(endpoint);
                    mark.pending--;
                    mark.stamp = Math.max(mark.stamp, stamp);
                }
                if (leftEverywhere) {
                    everywhere.pending--;
                    everywhere.stamp = Math.max(everywhere.stamp, stamp);
                }
            }
            left.clear();
            leftEverywhere = false;
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
            // Before the dispatcher is woken: the claim it runs next takes a ticket after this stamp.
            settle();
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
            settle();
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
