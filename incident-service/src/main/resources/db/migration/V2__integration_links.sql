-- Which incident an alert group (Alertmanager groupKey) or dedup key (Events API) leads to, per API
-- key, and the alert state last applied, so that re-sent notifications change nothing.
CREATE TABLE integration_links (
    source      text        NOT NULL,
    principal   text        NOT NULL,
    dedup_key   text        NOT NULL,
    incident_id uuid        REFERENCES incidents (id),
    state_key   text,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (source, principal, dedup_key)
);
