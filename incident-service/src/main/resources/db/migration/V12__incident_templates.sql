-- Incident templates: prepared titles, impacts, messages and component statuses that POST /api/v1/incidents
-- and POST /api/v1/incidents/{id}/updates fill in when a request names one. Not events: nothing is published.
CREATE TABLE incident_templates (
    id         text        PRIMARY KEY,
    name       text        NOT NULL,
    title      text,
    impact     text,
    message    text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- The component statuses a template sets, in the order they were given.
CREATE TABLE incident_template_components (
    template_id  text    NOT NULL REFERENCES incident_templates (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    component_id text    NOT NULL,
    status       text    NOT NULL,
    PRIMARY KEY (template_id, position)
);
