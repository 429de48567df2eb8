package io.sitrep.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The harness's clock and the token it writes into every message it sends: {@code bench-<run>-<seq>-<t>},
 * where t is the intended send time on this clock in nanoseconds. The token survives the whole trip (REST,
 * outbox, Kafka, webhook body, email text), so wherever a message arrives its latency is read off it.
 */
final class Stamp {

    private static final long ORIGIN = System.nanoTime();
    private static final String PREFIX = "bench-";

    private Stamp() {
    }

    /** Nanoseconds since the harness started; never negative. */
    static long now() {
        return System.nanoTime() - ORIGIN;
    }

    /**
     * How far the wall clock's epoch lies from this clock's origin, in nanoseconds, sampled now (the closest of a few
     * readings): a wall-clock instant a service recorded is on this clock at {@link #onThisClock}. The two clocks drift
     * apart slowly, so a scenario samples the offset around what it measures.
     */
    static long wallClockOffset() {
        long offset = 0;
        long narrowest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = now();
            Instant wall = Instant.now();
            long after = now();
            if (after - before < narrowest) {
                narrowest = after - before;
                offset = epochNanos(wall) - (before + after) / 2;
            }
        }
        return offset;
    }

    /** A wall-clock instant on this clock, given {@link #wallClockOffset}. */
    static long onThisClock(Instant wall, long offset) {
        return epochNanos(wall) - offset;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static String token(int run, long seq, long intended) {
        return PREFIX + run + "-" + seq + "-" + intended;
    }

    /** A token found in a message. */
    record Token(int run, long seq, long intended) {
    }

    static Token find(byte[] bytes) {
        return find(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** The first token in the text, or null when it holds none. */
    static Token find(CharSequence text) {
        String s = text.toString();
        int from = 0;
        while (true) {
            int at = s.indexOf(PREFIX, from);
            if (at < 0) {
                return null;
            }
            int i = at + PREFIX.length();
            long[] parts = new long[3];
            boolean ok = true;
            for (int part = 0; part < 3 && ok; part++) {
                int start = i;
                long value = 0;
                while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 19) {
                    value = value * 10 + (s.charAt(i) - '0');
                    i++;
                }
                ok = i > start && (part == 2 || (i < s.length() && s.charAt(i) == '-'));
                parts[part] = value;
                i++;
            }
            if (ok) {
                return new Token((int) parts[0], parts[1], parts[2]);
            }
            from = at + 1;
        }
    }
}
