package io.sitrep.timeline.snapshot;

/**
 * A part of the public surface (the page, the feed, the Statuspage-compatible API) that renders its answers into the
 * snapshot. It reads through the same read models its live answers use, within the snapshot's one read-only
 * repeatable-read transaction, so their filters apply and every part sees the same state; what several parts read, they
 * read through {@link SnapshotContent#reads}, once per build.
 *
 * <p>A build has two steps: every part reads what it shows, within the transaction, and then, once the transaction has
 * ended, renders it, every part at once. Rendering takes most of a build and on a busy machine can take seconds; it never
 * holds the read open, so it can neither run past the read's time limit nor keep PostgreSQL's snapshot of the moment
 * alive meanwhile.
 */
public interface PublicSurface {

    /**
     * Reads, within the snapshot's read, everything this part renders, and returns how it renders that into {@code content}
     * after the read has ended. The renderings of a build run side by side on different threads, so a rendering uses what
     * this method read and its own part's state only; the shared reads refuse anything not read by then.
     */
    Rendering read(SnapshotContent content);

    /** What a part renders from what it read. */
    @FunctionalInterface
    interface Rendering {

        void render();
    }

    /** What the snapshot's build timings call this part ({@code sitrep.timeline.snapshot.build.phase{phase}}): its class's name. */
    default String phase() {
        String name = getClass().getSimpleName();
        int generated = name.indexOf("$$");
        return generated > 0 ? name.substring(0, generated) : name;
    }
}
