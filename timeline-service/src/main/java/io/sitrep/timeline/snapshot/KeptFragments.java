package io.sitrep.timeline.snapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Parts of public documents (an incident's JSON, its feed entry) kept by what they were rendered from, so that a build
 * renders again only what changed since the last one. Equal inputs render equal bytes, so a part taken over is what the
 * build would have rendered from its own read. Holds the parts the current build and the one before used, no more.
 *
 * @param <K> what a part is rendered from: a value with equality over everything the rendering reads
 */
public final class KeptFragments<K> {

    private Map<K, String> previous = new HashMap<>();
    private Map<K, String> current = new HashMap<>();

    /** Starts a build: the parts of the build before it are kept for it, older ones are let go. */
    public synchronized void nextBuild() {
        previous = current;
        current = new HashMap<>();
    }

    /** The part rendered from these inputs: kept, or rendered now. */
    public synchronized String get(K inputs, Function<K, String> render) {
        String part = current.get(inputs);
        if (part == null) {
            part = previous.get(inputs);
            if (part == null) {
                part = render.apply(inputs);
            }
            current.put(inputs, part);
        }
        return part;
    }
}
