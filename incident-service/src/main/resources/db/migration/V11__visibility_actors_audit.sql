-- Who may see an incident: public, or internal (alerts start internal until a responder publishes them).
ALTER TABLE incidents ADD COLUMN visibility text NOT NULL DEFAULT 'public';

-- Who posted each update: an API key's name, or the person a trusted client acted for; null before actors were recorded.
ALTER TABLE incident_updates ADD COLUMN actor text;

-- Every command, accepted or refused: who, when, on which incident, and how it ended.
CREATE TABLE audit_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    api_key     text        NOT NULL,
    command     text        NOT NULL,
    incident_id uuid,
    outcome     text        NOT NULL,
    status      integer     NOT NULL
);

CREATE INDEX audit_log_by_time ON audit_log (at, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor, at, id);

-- Corrections: a deleted incident (opened by mistake) stays as a tombstone that refuses every command; an
-- update's text may be corrected, its earlier texts kept as revisions.
ALTER TABLE incidents ADD COLUMN deleted_at timestamptz;
ALTER TABLE incidents ADD COLUMN deleted_reason text;
ALTER TABLE incident_updates ADD COLUMN revision integer NOT NULL DEFAULT 1;

CREATE TABLE incident_update_revisions (
    update_id   uuid        NOT NULL REFERENCES incident_updates (id),
    revision    integer     NOT NULL,
    message     text        NOT NULL,
    actor       text,
    replaced_at timestamptz NOT NULL,
    PRIMARY KEY (update_id, revision)
);
