-- Scheduled maintenance windows. next_due_at is when the next automatic step (reminder, start,
-- completion) falls due, null when none will happen by itself; instances claim due windows with
-- SELECT ... FOR UPDATE SKIP LOCKED, so each step happens once however many instances poll.
CREATE TABLE maintenances (
    id              uuid        PRIMARY KEY,
    title           text        NOT NULL,
    status          text        NOT NULL,
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
    version         bigint      NOT NULL,
    next_due_at     timestamptz
);

CREATE INDEX maintenances_due ON maintenances (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX maintenances_by_status ON maintenances (status, scheduled_for, id);

-- The components a window covers, in the order they were given.
CREATE TABLE maintenance_components (
    maintenance_id uuid    NOT NULL REFERENCES maintenances (id),
    component_id   text    NOT NULL REFERENCES components (id),
    name           text    NOT NULL,
    position       integer NOT NULL,
    PRIMARY KEY (maintenance_id, component_id)
);

CREATE INDEX maintenance_components_by_component ON maintenance_components (component_id);

-- Every update of a window: its timeline.
CREATE TABLE maintenance_updates (
    id              uuid        PRIMARY KEY,
    maintenance_id  uuid        NOT NULL REFERENCES maintenances (id),
    version         bigint      NOT NULL,
    status          text        NOT NULL,
    previous_status text,
    message         text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    published_at    timestamptz NOT NULL,
    UNIQUE (maintenance_id, version)
);
