package io.sitrep.bench;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator. Open loop: message i is due at start + i / rate whatever happened to the ones
 * before, and its latency runs from that intended moment, so time spent queued behind a slow system
 * counts. Closed loop: a number of clients each send the next message once the last is answered, to find
 * the most the system sustains.
 */
final class Load {

    /** Sends message {@code seq}, meant to go at {@code intended}; true when the system accepted it. */
    @FunctionalInterface
    interface Send {
        boolean send(long seq, long intended) throws Exception;
    }

    /** What a load run did: messages sent, accepted and refused, their latencies, and the rate achieved. */
    record Outcome(long sent, long accepted, long refused, Latency latency, double seconds) {

        double perSecond() {
            return accepted / seconds;
        }
    }

    private Load() {
    }

    /** Sends {@code perSecond × duration} messages at a constant rate from {@code firstSeq}, with up to {@code workers} in flight. */
    static Outcome open(double perSecond, Duration duration, int workers, long firstSeq, Send send) {
        long count = Math.round(perSecond * duration.toNanos() / 1e9);
        double interval = 1e9 / perSecond;
        ThreadPoolExecutor pool = pool(workers);
        Latency latency = new Latency();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        long start = Stamp.now() + 5_000_000;
        for (long i = 0; i < count; i++) {
            long intended = start + (long) (i * interval);
            long wait = intended - Stamp.now();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long seq = firstSeq + i;
            pool.execute(() -> {
                boolean ok = attempt(send, seq, intended);
                long done = Stamp.now();
                latency.record(done - intended);
                (ok ? accepted : refused).incrementAndGet();
                lastDone.accumulateAndGet(done, Math::max);
            });
        }
        drain(pool);
        return new Outcome(count, accepted.get(), refused.get(), latency, (lastDone.get() - start) / 1e9);
    }

    /** {@code clients} clients send back to back until {@code count} messages went out or {@code duration} passed. */
    static Outcome closed(int clients, Duration duration, long count, long firstSeq, Send send) {
        ThreadPoolExecutor pool = pool(clients);
        Latency latency = new Latency();
        AtomicLong next = new AtomicLong(firstSeq);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = Stamp.now();
        long end = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (Stamp.now() < end) {
                    long seq = next.getAndIncrement();
                    if (seq >= firstSeq + count) {
                        return;
                    }
                    long intended = Stamp.now();
                    boolean ok = attempt(send, seq, intended);
                    latency.record(Stamp.now() - intended);
                    (ok ? accepted : refused).incrementAndGet();
                }
            });
        }
        drain(pool);
        return new Outcome(accepted.get() + refused.get(), accepted.get(), refused.get(), latency, (Stamp.now() - start) / 1e9);
    }

    private static boolean attempt(Send send, long seq, long intended) {
        try {
            return send.send(seq, intended);
        } catch (Exception e) {
            return false;
        }
    }

    private static ThreadPoolExecutor pool(int threads) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "load");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static void drain(ThreadPoolExecutor pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
