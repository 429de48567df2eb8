-- Claims go endpoint by endpoint: a skip scan finds the endpoints with deliveries waiting, and each endpoint
-- with free slots gives its oldest due ones. A queue that belongs to busy endpoints is then never scanned.
CREATE INDEX deliveries_due_by_endpoint ON deliveries (endpoint, next_attempt_at) WHERE status IN ('pending', 'failed');

-- The index it replaces: with both present, stale statistics (a queue fills and drains faster than it is
-- analysed) led the planner to the old one, and a claim that takes milliseconds took seconds.
DROP INDEX deliveries_due;
