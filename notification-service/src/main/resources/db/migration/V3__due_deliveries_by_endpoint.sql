-- Claims go endpoint by endpoint: a skip scan finds the endpoints with deliveries waiting, and each endpoint
-- with free slots gives its oldest due ones. A queue that belongs to busy endpoints is then never scanned.
CREATE INDEX deliveries_due_by_endpoint ON deliveries (endpoint, next_attempt_at) WHERE status IN ('pending', 'failed');
