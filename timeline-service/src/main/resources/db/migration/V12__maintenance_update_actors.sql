-- Who posted a maintenance update (scheduler for a step the window took by itself); shown on authenticated reads
-- only, null for entries from before actors were recorded.
ALTER TABLE maintenance_updates ADD COLUMN actor text;
