-- Read models of timeline-service. Every read-model table carries the generation it belongs to:
-- reads go through the current generation, a rebuild fills a new one beside it (see ADR 0005).

CREATE TABLE generations (
    id            bigint      PRIMARY KEY,
    state         text        NOT NULL CHECK (state IN ('building', 'current', 'retired')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    current_since timestamptz,
    -- A building generation's rebuild touches this as it goes; one left untouched for long was abandoned.
    heartbeat_at  timestamptz NOT NULL DEFAULT now()
);
-- At most one rebuild at a time, across every instance.
CREATE UNIQUE INDEX generations_one_building ON generations ((true)) WHERE state = 'building';
CREATE SEQUENCE generation_ids START 2;

-- The generation reads go through, switched atomically; live applies hold it FOR SHARE.
CREATE TABLE current_generation (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation bigint  NOT NULL REFERENCES generations (id)
);
INSERT INTO generations (id, state, current_since) VALUES (1, 'current', now());
INSERT INTO current_generation (generation) VALUES (1);

-- One row per incident: its latest snapshot; version is the last applied event's version.
CREATE TABLE incidents (
    generation        bigint      NOT NULL,
    id                uuid        NOT NULL,
    version           bigint      NOT NULL,
    last_event_id     uuid        NOT NULL,
    title             text        NOT NULL,
    status            text        NOT NULL,
    impact            text        NOT NULL,
    components        jsonb       NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    resolved_at       timestamptz,
    PRIMARY KEY (generation, id)
);
CREATE INDEX incidents_newest_first ON incidents (generation, created_at DESC, id DESC);
CREATE INDEX incidents_by_component ON incidents USING gin (components jsonb_path_ops);

-- Every snapshot an incident went through, for reads "as of" a moment (by published_at).
CREATE TABLE incident_versions (
    generation   bigint      NOT NULL,
    incident_id  uuid        NOT NULL,
    version      bigint      NOT NULL,
    title        text        NOT NULL,
    status       text        NOT NULL,
    impact       text        NOT NULL,
    components   jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    resolved_at  timestamptz,
    occurred_at  timestamptz NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (generation, incident_id, version)
);

-- The timeline: one entry per lifecycle event (opened, updated, resolved, reopened).
CREATE TABLE timeline_entries (
    generation        bigint      NOT NULL,
    incident_id       uuid        NOT NULL,
    version           bigint      NOT NULL,
    event_id          uuid        NOT NULL,
    event_type        text        NOT NULL,
    update_id         uuid        NOT NULL,
    status            text        NOT NULL,
    previous_status   text,
    impact            text        NOT NULL,
    previous_impact   text,
    message           text        NOT NULL,
    component_changes jsonb       NOT NULL,
    occurred_at       timestamptz NOT NULL,
    published_at      timestamptz NOT NULL,
    PRIMARY KEY (generation, incident_id, version)
);
CREATE INDEX timeline_entries_newest_first ON timeline_entries (generation, published_at DESC);

CREATE TABLE postmortems (
    generation   bigint      NOT NULL,
    incident_id  uuid        NOT NULL,
    revision     integer     NOT NULL,
    version      bigint      NOT NULL,
    body         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (generation, incident_id, revision)
);

-- One row per component: its latest snapshot; created_at is the occurred-at of its first applied event.
CREATE TABLE components (
    generation    bigint      NOT NULL,
    id            text        NOT NULL,
    version       bigint      NOT NULL,
    last_event_id uuid        NOT NULL,
    name          text        NOT NULL,
    group_name    text,
    description   text,
    status        text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (generation, id)
);

-- Every status change of a component, for uptime.
CREATE TABLE component_status_history (
    generation      bigint      NOT NULL,
    component_id    text        NOT NULL,
    version         bigint      NOT NULL,
    status          text        NOT NULL,
    previous_status text        NOT NULL,
    incident_id     uuid,
    occurred_at     timestamptz NOT NULL,
    published_at    timestamptz NOT NULL,
    PRIMARY KEY (generation, component_id, version)
);

-- Events whose version jumped ahead of the one applied: recorded, counted, and applied (they carry a snapshot).
CREATE TABLE version_gaps (
    generation       bigint      NOT NULL,
    aggregate_type   text        NOT NULL CHECK (aggregate_type IN ('incident', 'component')),
    aggregate_id     text        NOT NULL,
    expected_version bigint      NOT NULL,
    received_version bigint      NOT NULL,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    published_at     timestamptz NOT NULL,
    PRIMARY KEY (generation, aggregate_type, aggregate_id, received_version)
);

-- How far the live consumer has applied each partition; a rebuild switches only once it has caught up with this.
CREATE TABLE applied_offsets (
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- What the live consumer applied, for the live stream of every instance (each polls it): one row per
-- event id, so a redelivered event is streamed once. Pruned after sitrep.timeline.stream.retention.
CREATE TABLE stream_events (
    seq        bigserial   PRIMARY KEY,
    event_id   uuid        NOT NULL UNIQUE,
    type       text        NOT NULL,
    data       text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX stream_events_by_time ON stream_events (applied_at);
