package io.sitrep.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies recorded from any thread, in microseconds with three significant digits, reported in milliseconds. */
final class Latency {

    private final Histogram histogram;

    Latency() {
        this(new ConcurrentHistogram(3));
    }

    private Latency(Histogram histogram) {
        this.histogram = histogram;
    }

    void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos) / 1_000);
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentile(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    double max() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1_000.0;
    }

    /** One histogram of several, e.g. the healthy receivers' latencies together. */
    static Latency merged(Iterable<Latency> parts) {
        Histogram all = new Histogram(3);
        all.setAutoResize(true);
        for (Latency part : parts) {
            all.add(part.histogram);
        }
        return new Latency(all);
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.1fms p99=%.1fms max=%.1fms", count(), percentile(50), percentile(99), max());
    }
}
