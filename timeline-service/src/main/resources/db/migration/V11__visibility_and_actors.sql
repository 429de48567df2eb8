-- Who may see an incident: public, or internal (only authenticated reads). Rows from before visibility existed are public.
ALTER TABLE incidents ADD COLUMN visibility text NOT NULL DEFAULT 'public';
ALTER TABLE incident_versions ADD COLUMN visibility text NOT NULL DEFAULT 'public';

-- An entry recorded while its incident was internal stays internal after a publish; actor is who posted it
-- (shown on authenticated reads only), null for entries from before actors were recorded.
ALTER TABLE timeline_entries ADD COLUMN visibility text NOT NULL DEFAULT 'public';
ALTER TABLE timeline_entries ADD COLUMN actor text;
