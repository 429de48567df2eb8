package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Parts of public documents (an incident's JSON, its feed entry, its card on the page, one of its updates) kept by what
 * they were rendered from, so that a build renders again only what changed since the last one. Equal inputs render equal
 * bytes, so a part taken over is what the build would have rendered from its own read. Holds the parts the current build
 * and the one before used, no more.
 *
 * @param <K> what a part is rendered from: a value with equality over everything the rendering reads
 */
public final class KeptFragments<K> {

    /** The metric that counts the parts a build had to render, by part: what a build costs beyond copying kept bytes. */
    public static final String RENDERED = "sitrep.timeline.snapshot.parts.rendered";

    private final AtomicLong rendered = new AtomicLong();
    private final Counter counter;
    private Map<Key<K>, String> previous = new HashMap<>();
    private Map<Key<K>, String> current = new HashMap<>();

    /** Parts kept without a metric. */
    public KeptFragments() {
        this.counter = null;
    }

    private KeptFragments(Counter counter) {
        this.counter = counter;
    }

    /** Parts kept whose renderings are counted in {@value #RENDERED}{@code {part}}. */
    public static <K> KeptFragments<K> counted(MeterRegistry registry, String part) {
        return new KeptFragments<>(Counter.builder(RENDERED).tag("part", part)
                .description("Parts of the public snapshot rendered anew because what they are rendered from changed; the rest are kept")
                .register(registry));
    }

    /** Starts a build: the parts of the build before it are kept for it, older ones are let go. */
    public synchronized void nextBuild() {
        previous = current;
        current = new HashMap<>();
    }

    /** The part rendered from these inputs: kept, or rendered now and kept for this build and the next. */
    public String get(K inputs, Function<K, String> render) {
        return get(inputs, render, taken -> {
        });
    }

    /**
     * As {@link #get(Object, Function)}; when the part is taken over from the build before, {@code takenOver} is told, so
     * that the parts it was assembled from (an incident's updates) are kept along with it and are at hand when it changes.
     */
    public synchronized String get(K inputs, Function<K, String> render, Consumer<K> takenOver) {
        Key<K> key = new Key<>(inputs);
        String part = current.get(key);
        if (part == null) {
            part = previous.get(key);
            if (part != null) {
                takenOver.accept(inputs);
            } else {
                part = render.apply(inputs);
                rendered.incrementAndGet();
                if (counter != null) {
                    counter.increment();
                }
            }
            current.put(key, part);
        }
        return part;
    }

    /** Keeps the part rendered from these inputs, when the build before kept it, for this build and the next. */
    public synchronized void retain(K inputs) {
        Key<K> key = new Key<>(inputs);
        if (!current.containsKey(key)) {
            String part = previous.get(key);
            if (part != null) {
                current.put(key, part);
            }
        }
    }

    /**
     * The part rendered from these inputs as kept, or rendered now without keeping it: for an answer rendered on request,
     * outside any build, which must not make the parts kept grow with what readers ask for.
     */
    public String peek(K inputs, Function<K, String> render) {
        String part;
        Key<K> key = new Key<>(inputs);
        synchronized (this) {
            part = current.get(key);
            if (part == null) {
                part = previous.get(key);
            }
        }
        return part != null ? part : render.apply(inputs);
    }

    /** How many parts were rendered rather than taken over, since this was made. */
    public long rendered() {
        return rendered.get();
    }

    /**
     * Inputs with their hash, computed once: a record's hash is not kept, and an incident's inputs (its timeline of a hundred
     * entries, read anew by every build) were hashed for each look-up in each map, a quarter of a build's time under load.
     */
    private static final class Key<K> {

        private final K inputs;
        private final int hash;

        Key(K inputs) {
            this.inputs = inputs;
            this.hash = inputs.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key<?> that && hash == that.hash && inputs.equals(that.inputs);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
