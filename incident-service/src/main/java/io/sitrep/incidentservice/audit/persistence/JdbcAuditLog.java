package io.sitrep.incidentservice.audit.persistence;

import io.sitrep.incidentservice.audit.AuditEntry;
import io.sitrep.incidentservice.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@link AuditLog} on PostgreSQL through plain SQL. */
@Repository
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEntry entry) {
        jdbc.sql("""
                        INSERT INTO audit_log (at, actor, api_key, command, incident_id, outcome, status)
                        VALUES (:at, :actor, :apiKey, :command, :incidentId, :outcome, :status)""")
                .param("at", Timestamp.from(entry.at()))
                .param("actor", entry.actor())
                .param("apiKey", entry.apiKey())
                .param("command", entry.command())
                .param("incidentId", entry.incidentId())
                .param("outcome", entry.outcome())
                .param("status", entry.status())
                .update();
    }

    @Override
    public List<AuditEntry> page(Instant since, Instant until, String actor, long afterId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM audit_log
                        WHERE id > :afterId
                          AND (CAST(:since AS timestamptz) IS NULL OR at >= :since)
                          AND (CAST(:until AS timestamptz) IS NULL OR at < :until)
                          AND (CAST(:actor AS text) IS NULL OR actor = :actor)
                        ORDER BY id LIMIT :limit""")
                .param("afterId", afterId)
                .param("since", since == null ? null : Timestamp.from(since))
                .param("until", until == null ? null : Timestamp.from(until))
                .param("actor", actor)
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("api_key"), rs.getString("command"), rs.getObject("incident_id", UUID.class),
                        rs.getString("outcome"), rs.getInt("status")))
                .list();
    }
}
