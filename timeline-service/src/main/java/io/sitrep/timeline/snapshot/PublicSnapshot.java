package io.sitrep.timeline.snapshot;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the public sees, as one version: every document was rendered from the same read, so no answer shows
 * an incident's new status with its old timeline, and no two answers of one version disagree.
 *
 * @param version   counts the snapshots this instance built, from 1
 * @param readAt    when the read it was rendered from began
 * @param covers    the last build request made before that read: everything committed before a request is in every snapshot
 *                  that covers it
 * @param documents the answers by request path
 */
public record PublicSnapshot(long version, Instant readAt, long covers, Map<String, PublicDocument> documents) {

    public Optional<PublicDocument> document(String path) {
        return Optional.ofNullable(documents.get(path));
    }

    public Collection<PublicDocument> all() {
        return documents.values();
    }

    /** True when everything committed before build request {@code request} is in this snapshot. */
    public boolean covers(long request) {
        return covers >= request;
    }
}
