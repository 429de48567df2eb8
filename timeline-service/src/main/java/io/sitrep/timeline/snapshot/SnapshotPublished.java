package io.sitrep.timeline.snapshot;

/** A new snapshot is being served; published in-process, on the snapshot's own thread, for the exports. */
public record SnapshotPublished(PublicSnapshot snapshot) {
}
