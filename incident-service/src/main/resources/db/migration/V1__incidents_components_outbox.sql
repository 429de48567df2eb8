-- Components: the parts of the service a status page shows.
CREATE TABLE components (
    id          text        PRIMARY KEY,
    name        text        NOT NULL,
    group_name  text,
    description text,
    status      text        NOT NULL,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE incidents (
    id                      uuid        PRIMARY KEY,
    title                   text        NOT NULL,
    status                  text        NOT NULL,
    impact                  text        NOT NULL,
    version                 bigint      NOT NULL,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    resolved_at             timestamptz,
    postmortem_body         text,
    postmortem_revision     integer     NOT NULL DEFAULT 0,
    postmortem_published_at timestamptz
);

CREATE INDEX incidents_open ON incidents (id) WHERE status <> 'resolved';

-- The components an incident affects, with the status the incident gave each.
CREATE TABLE incident_components (
    incident_id  uuid NOT NULL REFERENCES incidents (id),
    component_id text NOT NULL REFERENCES components (id),
    name         text NOT NULL,
    status       text NOT NULL,
    position     integer NOT NULL,
    PRIMARY KEY (incident_id, component_id)
);

CREATE INDEX incident_components_by_component ON incident_components (component_id);

-- Every update of an incident: its timeline.
CREATE TABLE incident_updates (
    id                uuid        PRIMARY KEY,
    incident_id       uuid        NOT NULL REFERENCES incidents (id),
    version           bigint      NOT NULL,
    status            text        NOT NULL,
    previous_status   text,
    impact            text        NOT NULL,
    previous_impact   text,
    message           text        NOT NULL,
    component_changes jsonb       NOT NULL,
    occurred_at       timestamptz NOT NULL,
    published_at      timestamptz NOT NULL,
    UNIQUE (incident_id, version)
);

-- The transactional outbox: events written with the state that caused them, published by the relay
-- in id order and deleted once the broker has acknowledged them.
CREATE TABLE outbox (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL,
    event_type   text        NOT NULL,
    aggregate_id text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    payload      bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Wake the relay when events commit; notifications are delivered only on commit, and repeats
-- within one transaction are folded into one.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sitrep_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Responses to POSTs that carried an Idempotency-Key, replayed for retries with the same key.
CREATE TABLE idempotency_keys (
    principal        text        NOT NULL,
    idempotency_key  text        NOT NULL,
    request_hash     text        NOT NULL,
    response_status  integer,
    response_headers jsonb,
    response_body    bytea,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
