package io.sitrep.timeline.rebuild;

import io.sitrep.timeline.web.Conflict;

/** A rebuild is running already, in this instance or another. */
final class RebuildInProgress extends Conflict {

    RebuildInProgress() {
        super("rebuild-in-progress", "A rebuild is running", "A rebuild is running already; follow it with GET /api/v1/admin/rebuild.");
    }
}
