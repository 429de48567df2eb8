-- Scheduled maintenance windows, read from the maintenance.* events of incident-service. Like the
-- incident tables, every table carries the generation it belongs to, and a rebuild fills them again.

-- One row per maintenance window: its latest snapshot; version is the last applied event's version.
CREATE TABLE maintenances (
    generation      bigint      NOT NULL,
    id              uuid        NOT NULL,
    version         bigint      NOT NULL,
    last_event_id   uuid        NOT NULL,
    title           text        NOT NULL,
    status          text        NOT NULL,
    components      jsonb       NOT NULL,
    scheduled_for   timestamptz NOT NULL,
    scheduled_until timestamptz NOT NULL,
    auto_start      boolean     NOT NULL,
    auto_complete   boolean     NOT NULL,
    -- An ISO-8601 duration (PT1H), as on the wire; null for no reminder.
    remind_before   text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    reminded_at     timestamptz,
    started_at      timestamptz,
    completed_at    timestamptz,
    cancelled_at    timestamptz,
    PRIMARY KEY (generation, id)
);
CREATE INDEX maintenances_by_window ON maintenances (generation, scheduled_for, id);
CREATE INDEX maintenances_by_status ON maintenances (generation, status, scheduled_for, id);

-- Every snapshot a window went through, for reads "as of" a moment (by published_at).
CREATE TABLE maintenance_versions (
    generation      bigint      NOT NULL,
    maintenance_id  uuid        NOT NULL,
    version         bigint      NOT NULL,
    title           text        NOT NULL,
    status          text        NOT NULL,
    components      jsonb       NOT NULL,
    scheduled_for   timestamptz NOT NULL,
    scheduled_until timestamptz NOT NULL,
    auto_start      boolean     NOT NULL,
    auto_complete   boolean     NOT NULL,
    remind_before   text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    reminded_at     timestamptz,
    started_at      timestamptz,
    completed_at    timestamptz,
    cancelled_at    timestamptz,
    occurred_at     timestamptz NOT NULL,
    published_at    timestamptz NOT NULL,
    PRIMARY KEY (generation, maintenance_id, version)
);

-- A window's own timeline: one entry per event that carries an update (a reminder, or a change of the
-- window without a message, carries none).
CREATE TABLE maintenance_updates (
    generation      bigint      NOT NULL,
    maintenance_id  uuid        NOT NULL,
    version         bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    update_id       uuid        NOT NULL,
    status          text        NOT NULL,
    previous_status text,
    message         text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    published_at    timestamptz NOT NULL,
    PRIMARY KEY (generation, maintenance_id, version)
);

-- Maintenance windows are numbered like incidents, so their gaps are recorded the same way.
ALTER TABLE version_gaps DROP CONSTRAINT version_gaps_aggregate_type_check;
ALTER TABLE version_gaps ADD CONSTRAINT version_gaps_aggregate_type_check
    CHECK (aggregate_type IN ('incident', 'component', 'maintenance'));
