-- Who posted a maintenance update: the API key's name, the person a trusted client acted for, or scheduler for a
-- step the window took by itself; null for updates from before actors were recorded.
ALTER TABLE maintenance_updates ADD COLUMN actor text;
