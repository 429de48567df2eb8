package io.sitrep.incidentservice.audit;

import java.time.Instant;
import java.util.List;

/** Where commands are recorded. */
public interface AuditLog {

    /** Records a command; the id given is ignored and the log assigns the next one. */
    void record(AuditEntry entry);

    /**
     * Up to {@code limit} entries after {@code afterId}, oldest first, within {@code [since, until)} and by
     * {@code actor}; a null bound or actor does not filter.
     */
    List<AuditEntry> page(Instant since, Instant until, String actor, long afterId, int limit);
}
