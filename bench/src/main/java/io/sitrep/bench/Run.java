package io.sitrep.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One measured run: the messages it sent, numbered from 0, and what became of each of them: when it was
 * meant to be sent, when the API accepted it, when it appeared on the topic, and which receiver got it when.
 */
final class Run {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Map<Integer, Run> RUNS = new ConcurrentHashMap<>();

    final int id;
    final String name;
    private final int capacity;
    private final AtomicLongArray accepted;
    private final AtomicLongArray published;
    private final AtomicLong publishedCount = new AtomicLong();
    private final AtomicLong firstPublished = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastPublished = new AtomicLong();
    private final Map<Integer, Receipts> receipts = new ConcurrentHashMap<>();

    private Run(int id, String name, int capacity) {
        this.id = id;
        this.name = name;
        this.capacity = capacity;
        this.accepted = new AtomicLongArray(capacity);
        this.published = new AtomicLongArray(capacity);
    }

    /** A new run for at most {@code capacity} messages. */
    static Run start(String name, int capacity) {
        Run run = new Run(IDS.incrementAndGet(), name, capacity);
        RUNS.put(run.id, run);
        return run;
    }

    /** The run a token belongs to, or null for a token of no run of this harness. */
    static Run of(Stamp.Token token) {
        if (token == null) {
            return null;
        }
        Run run = RUNS.get(token.run());
        return run == null || token.seq() < 0 || token.seq() >= run.capacity ? null : run;
    }

    String token(long seq, long intended) {
        return Stamp.token(id, seq, intended);
    }

    int capacity() {
        return capacity;
    }

    void accepted(long seq, long at) {
        if (seq < capacity) {
            accepted.set((int) seq, at);
        }
    }

    long acceptedAt(long seq) {
        return accepted.get((int) seq);
    }

    /** The message appeared on the topic; only the first sighting counts. */
    void published(long seq, long at) {
        if (published.compareAndSet((int) seq, 0, at)) {
            publishedCount.incrementAndGet();
            firstPublished.accumulateAndGet(at, Math::min);
            lastPublished.accumulateAndGet(at, Math::max);
        }
    }

    long publishedAt(long seq) {
        return published.get((int) seq);
    }

    long publishedCount() {
        return publishedCount.get();
    }

    long firstPublished() {
        return firstPublished.get();
    }

    long lastPublished() {
        return lastPublished.get();
    }

    /** What one receiver (a webhook endpoint or a mailbox) got of this run. */
    Receipts receipts(int receiver) {
        return receipts.computeIfAbsent(receiver, r -> new Receipts());
    }

    List<Receipts> receipts(Iterable<Integer> receivers) {
        List<Receipts> all = new ArrayList<>();
        receivers.forEach(r -> all.add(receipts(r)));
        return all;
    }

    /** What one receiver got: each message once (repeats are counted apart), with its latency from the intended send time. */
    static final class Receipts {

        private final BitSet seen = new BitSet();
        private long[] times = new long[1024];
        private final Latency latency = new Latency();
        private long repeats;
        private long first = Long.MAX_VALUE;
        private long last;

        synchronized void received(long seq, long intended, long at) {
            if (seen.get((int) seq)) {
                repeats++;
                return;
            }
            seen.set((int) seq);
            if (seq >= times.length) {
                times = java.util.Arrays.copyOf(times, (int) Math.max(seq + 1, times.length * 2L));
            }
            times[(int) seq] = at;
            first = Math.min(first, at);
            last = Math.max(last, at);
            latency.record(at - intended);
        }

        synchronized int distinct() {
            return seen.cardinality();
        }

        synchronized boolean has(long seq) {
            return seen.get((int) seq);
        }

        /** When the message arrived first; 0 when it has not. */
        synchronized long receivedAt(long seq) {
            return seq < times.length && seen.get((int) seq) ? times[(int) seq] : 0;
        }

        synchronized long repeats() {
            return repeats;
        }

        synchronized long first() {
            return first;
        }

        synchronized long last() {
            return last;
        }

        Latency latency() {
            return latency;
        }
    }
}
