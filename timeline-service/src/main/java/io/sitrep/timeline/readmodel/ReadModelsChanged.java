package io.sitrep.timeline.readmodel;

import java.util.Set;
import java.util.UUID;

/**
 * The read models may have changed: a batch was applied here, another instance's events reached this one's
 * stream feed, or a rebuild switched generations. Published in-process, after the change has committed; whoever keeps
 * a view of the read models (the public snapshot) reads them again.
 *
 * @param cause  what changed them, for logs and tests: {@code batch}, {@code feed} or {@code rebuild}
 * @param events the ids of the events a batch applied, so that the stream feed, which finds them again in
 *               {@code stream_events}, does not announce them a second time; empty for the other causes
 */
public record ReadModelsChanged(String cause, Set<UUID> events) {

    public ReadModelsChanged {
        events = Set.copyOf(events);
    }

    public ReadModelsChanged(String cause) {
        this(cause, Set.of());
    }

    /** A batch applied by this instance's consumer, with its events' ids. */
    public static ReadModelsChanged batch(Set<UUID> events) {
        return new ReadModelsChanged("batch", events);
    }
}
