package io.sitrep.timeline.readmodel.persistence;

import io.sitrep.timeline.readmodel.Gap;
import io.sitrep.timeline.readmodel.VersionCheck;

/**
 * What applying one event did.
 *
 * @param gap the gap recorded before applying it; null when there was none
 */
public record ApplyResult(VersionCheck check, Gap gap) {
}
