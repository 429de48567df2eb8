package io.sitrep.timeline.rebuild;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The generations of the read models: which one serves, which one is being built, and dropping old ones. */
@Repository
class Generations {

    /** Every table that holds read-model rows, each with a {@code generation} column. */
    static final List<String> READ_MODEL_TABLES = List.of("incidents", "incident_versions", "timeline_entries", "postmortems",
            "components", "component_status_history", "version_gaps", "maintenances", "maintenance_versions", "maintenance_updates");

    private final JdbcClient jdbc;

    Generations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts building a new generation; empty when one is being built already (by any instance). A
     * building generation whose heartbeat is older than {@code abandonedAfter} was left by an instance
     * that stopped: it is dropped first.
     */
    Optional<Long> startBuilding(java.time.Duration abandonedAfter) {
        List<Long> abandoned = jdbc.sql("""
                        SELECT id FROM generations WHERE state = 'building' AND heartbeat_at < now() - make_interval(secs => ?)""")
                .param(abandonedAfter.toSeconds())
                .query(Long.class).list();
        abandoned.forEach(this::drop);
        long id = jdbc.sql("SELECT nextval('generation_ids')").query(Long.class).single();
        int inserted = jdbc.sql("INSERT INTO generations (id, state) VALUES (?, 'building') ON CONFLICT DO NOTHING").param(id).update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    long current() {
        return jdbc.sql("SELECT generation FROM current_generation").query(Long.class).single();
    }

    /** Says that the rebuild of a generation is still alive. */
    void heartbeat(long generation) {
        jdbc.sql("UPDATE generations SET heartbeat_at = now() WHERE id = ?").param(generation).update();
    }

    /**
     * Locks the current generation against live applies until the caller's transaction ends, and
     * returns it; live applies hold it {@code FOR SHARE}, so this waits for those in flight.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long lockCurrent() {
        return jdbc.sql("SELECT generation FROM current_generation FOR UPDATE").query(Long.class).single();
    }

    /** How far the live consumer has applied each partition of the topic: partition → next offset. */
    Map<Integer, Long> liveOffsets(String topic) {
        return jdbc.sql("SELECT partition, next_offset FROM applied_offsets WHERE topic = ?").param(topic)
                .query((rs, row) -> Map.entry(rs.getInt("partition"), rs.getLong("next_offset")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Makes {@code next} current and retires {@code previous}, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void makeCurrent(long next, long previous) {
        jdbc.sql("UPDATE generations SET state = 'retired' WHERE id = ?").param(previous).update();
        jdbc.sql("UPDATE generations SET state = 'current', current_since = now() WHERE id = ?").param(next).update();
        jdbc.sql("UPDATE current_generation SET generation = ?").param(next).update();
    }

    /** Deletes every row of a generation that is not current, table by table, then the generation itself; never the current one. */
    void drop(long generation) {
        for (String table : READ_MODEL_TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE generation = ? AND generation <> (SELECT generation FROM current_generation)")
                    .param(generation).update();
        }
        jdbc.sql("DELETE FROM generations WHERE id = ? AND state <> 'current'").param(generation).update();
    }
}
