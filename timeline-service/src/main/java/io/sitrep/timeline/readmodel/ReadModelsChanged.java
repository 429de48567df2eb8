package io.sitrep.timeline.readmodel;

/**
 * The read models may have changed: a batch was applied here, another instance's events reached this one's
 * stream feed, or a rebuild switched generations. Published in-process; whoever keeps a view of the read models
 * (the public snapshot) reads them again.
 *
 * @param cause what changed them, for logs and tests: {@code batch}, {@code feed} or {@code rebuild}
 */
public record ReadModelsChanged(String cause) {
}
