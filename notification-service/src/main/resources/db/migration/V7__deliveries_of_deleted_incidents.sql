-- A deletion cancels the unsettled deliveries of its incident's events: found through the events seen for the
-- incident, then their deliveries still open.
CREATE INDEX seen_events_by_aggregate ON seen_events (aggregate_id);
CREATE INDEX deliveries_open_by_event ON deliveries (event_id) WHERE status IN ('pending', 'failed', 'delivering');
