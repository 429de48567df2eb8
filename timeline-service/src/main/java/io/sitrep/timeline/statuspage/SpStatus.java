package io.sitrep.timeline.statuspage;

/** Statuspage's {@code status} object: indicator none, minor, major or critical, and a description. */
record SpStatus(String indicator, String description) {
}
