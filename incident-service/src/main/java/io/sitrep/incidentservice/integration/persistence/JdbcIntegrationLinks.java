package io.sitrep.incidentservice.integration.persistence;

import io.sitrep.incidentservice.integration.IntegrationLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/** {@link IntegrationLinks} on PostgreSQL. */
@Repository
class JdbcIntegrationLinks implements IntegrationLinks {

    private final JdbcClient jdbc;

    JdbcIntegrationLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Link lock(String source, String principal, String dedupKey) {
        // Create the row if new (a concurrent creator makes this wait, then do nothing), then lock it.
        jdbc.sql("""
                        INSERT INTO integration_links (source, principal, dedup_key, updated_at)
                        VALUES (?, ?, ?, clock_timestamp()) ON CONFLICT DO NOTHING""")
                .params(source, principal, dedupKey)
                .update();
        return jdbc.sql("""
                        SELECT incident_id, state_key FROM integration_links
                        WHERE source = ? AND principal = ? AND dedup_key = ? FOR UPDATE""")
                .params(source, principal, dedupKey)
                .query((rs, n) -> new Link(source, principal, dedupKey, rs.getObject("incident_id", UUID.class), rs.getString("state_key")))
                .single();
    }

    @Override
    public void save(Link link) {
        jdbc.sql("""
                        UPDATE integration_links SET incident_id = ?, state_key = ?, updated_at = clock_timestamp()
                        WHERE source = ? AND principal = ? AND dedup_key = ?""")
                .params(link.incidentId(), link.stateKey(), link.source(), link.principal(), link.dedupKey())
                .update();
    }
}
