package io.sitrep.incidentservice.maintenance;

import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where maintenance windows are kept. Changes happen inside the caller's transaction. */
public interface Maintenances {

    /** The window, locked against concurrent change until the transaction ends. */
    Optional<Maintenance> lock(MaintenanceId id);

    /** Stores a newly scheduled window. */
    void add(Maintenance maintenance, MaintenanceScheduled event);

    /** Stores the window after {@code events} changed it, with the updates they posted. */
    void save(Maintenance maintenance, List<? extends MaintenanceEvent> events);

    /** The window with its timeline. */
    Optional<MaintenanceDetails> details(MaintenanceId id);

    /**
     * Windows soonest first (by planned start, then id), after {@code after} when given.
     *
     * @param status only windows in this status; null for all
     */
    List<MaintenanceSnapshot> list(MaintenanceStatus status, MaintenanceCursor after, int limit);

    /**
     * Up to {@code limit} windows whose next automatic step is due at {@code now}, locked until the
     * transaction ends; windows another transaction holds are skipped, so that concurrent pollers
     * never take the same one.
     */
    List<Maintenance> lockDue(Instant now, int limit);

    /** Of {@code componentIds}, those an in-progress or verifying window (not {@code except}) covers. */
    Set<String> coveredByActiveWindows(MaintenanceId except, Collection<String> componentIds);
}
