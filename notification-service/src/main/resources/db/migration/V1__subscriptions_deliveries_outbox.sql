-- Who gets notified, and how. Webhook secrets are stored encrypted (AES-GCM), never in clear.
CREATE TABLE subscriptions (
    id                         uuid        PRIMARY KEY,
    channel                    text        NOT NULL,            -- webhook | email
    target                     text        NOT NULL,            -- the URL or the email address
    endpoint                   text        NOT NULL,            -- the isolation key: the URL's scheme, host and port, or smtp
    components                 text[]      NOT NULL DEFAULT '{}',
    event_types                text[]      NOT NULL DEFAULT '{}',
    min_impact                 text,
    status                     text        NOT NULL,            -- pending_confirmation | active | disabled | unsubscribed | deleted
    secret                     bytea,
    previous_secret            bytea,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL,
    disabled_reason            text,
    consecutive_failures       integer     NOT NULL DEFAULT 0,
    failing_since              timestamptz,
    failing_reported           boolean     NOT NULL DEFAULT false,
    event_version              bigint      NOT NULL DEFAULT 0   -- the version of its last delivery event
);

CREATE INDEX subscriptions_active ON subscriptions (id) WHERE status = 'active';

-- Every event id the consumer has handled: a replay or a duplicate finds its id here and creates nothing.
CREATE TABLE seen_events (
    event_id     uuid        PRIMARY KEY,
    event_type   text        NOT NULL,
    aggregate_id text        NOT NULL,
    deliveries   integer     NOT NULL,
    seen_at      timestamptz NOT NULL
);

-- Records the consumer could not read (unknown type, malformed data): kept with the reason, never retried.
CREATE TABLE dead_lettered_events (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic          text        NOT NULL,
    kafka_partition integer    NOT NULL,
    kafka_offset   bigint      NOT NULL,
    record_key     text,
    event_type     text,
    reason         text        NOT NULL,
    headers        jsonb       NOT NULL,
    payload        bytea,
    received_at    timestamptz NOT NULL,
    UNIQUE (topic, kafka_partition, kafka_offset)
);

-- One delivery per (subscription, event). The dispatcher claims due rows with a lease; every attempt is kept.
CREATE TABLE deliveries (
    id              uuid        PRIMARY KEY,                   -- also the webhook-id, stable across retries
    subscription_id uuid        NOT NULL REFERENCES subscriptions (id),
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    endpoint        text        NOT NULL,
    payload         bytea       NOT NULL,                      -- the exact webhook body, also what an email is rendered from
    status          text        NOT NULL,                      -- pending | delivering | failed | delivered | dead | cancelled
    attempt_count   integer     NOT NULL DEFAULT 0,            -- attempts ever made, numbering them
    round_attempts  integer     NOT NULL DEFAULT 0,            -- attempts since created or re-driven: the retry schedule counts these
    next_attempt_at timestamptz,
    lease_id        uuid,
    locked_until    timestamptz,
    last_status_code integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    published_at    timestamptz NOT NULL,                      -- when the event was published, for the end-to-end latency
    delivered_at    timestamptz,
    dead_at         timestamptz,
    UNIQUE (subscription_id, event_id)
);

CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'failed');
CREATE INDEX deliveries_leased ON deliveries (locked_until) WHERE status = 'delivering';
CREATE INDEX deliveries_dead ON deliveries (subscription_id, dead_at) WHERE status = 'dead';
CREATE INDEX deliveries_by_subscription ON deliveries (subscription_id, created_at DESC);

CREATE TABLE delivery_attempts (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id  uuid        NOT NULL REFERENCES deliveries (id),
    attempt      integer     NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code  integer,
    duration_ms  bigint      NOT NULL,
    error        text
);

CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, id);

-- The transactional outbox of delivery events (ADR 0001), published to sitrep.delivery-events.
CREATE TABLE outbox (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL,
    event_type   text        NOT NULL,
    aggregate_id text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    payload      bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sitrep_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
