package io.sitrep.incidentservice.restore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the tables hold, in the terms a restore compares with the log. */
public interface StoredState {

    /** The tables a restore compares, in the order it restores them (a row's references first). */
    enum Table {
        COMPONENTS("components"),
        INCIDENTS("incidents"),
        INCIDENT_COMPONENTS("incident_components"),
        INCIDENT_UPDATES("incident_updates"),
        INCIDENT_UPDATE_REVISIONS("incident_update_revisions"),
        MAINTENANCES("maintenances"),
        MAINTENANCE_COMPONENTS("maintenance_components"),
        MAINTENANCE_UPDATES("maintenance_updates");

        private final String sqlName;

        Table(String sqlName) {
            this.sqlName = sqlName;
        }

        public String sqlName() {
            return sqlName;
        }
    }

    /**
     * The version of each of the aggregates of {@code table} (components, incidents or maintenances) the table
     * holds, by id as text; every row when {@code ids} is null.
     */
    Map<String, Long> versions(Table table, Collection<String> ids);

    /**
     * The keys of the rows a dependent table holds, as {@link LogRows} spells them: the update id for the updates,
     * {@code updateId:revision} for the revisions, {@code aggregateId:componentId} for the affected components.
     */
    Set<String> keys(Table table);

    /** An event the outbox holds, not yet acknowledged by the broker, as its type and data. */
    record PendingEvent(String type, byte[] data) {
    }

    /** The outbox's rows in the order the relay publishes them. */
    List<PendingEvent> pendingEvents();

    /**
     * Locks the restored tables until the transaction ends: writes of other instances wait, and then see the
     * restored state and its versions.
     */
    void lockForRestore();
}
