package io.sitrep.timeline.snapshot;

/**
 * A part of the public surface (the page, the feed, the Statuspage-compatible API) that renders its answers into the
 * snapshot. It reads through the same read models its live answers use, within the snapshot's one read-only
 * repeatable-read transaction, so their filters apply and every part sees the same state; what several parts read, they
 * read through {@link SnapshotContent#reads}, once per build.
 */
public interface PublicSurface {

    void render(SnapshotContent content);

    /** What the snapshot's build timings call this part ({@code sitrep.timeline.snapshot.build.phase{phase}}): its class's name. */
    default String phase() {
        String name = getClass().getSimpleName();
        int generated = name.indexOf("$$");
        return generated > 0 ? name.substring(0, generated) : name;
    }
}
