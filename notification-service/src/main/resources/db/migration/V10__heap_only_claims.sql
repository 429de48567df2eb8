-- A claim writes only the lease (issue 17, ADR 0019). A delivery being sent keeps the state it was claimed in,
-- pending or failed, and is told apart by a lease that has not expired: lease_id and locked_until are in no index,
-- so a claim is a heap-only update, and an expired lease makes the delivery due again without any write.
-- 'delivering' is what the API shows for such a delivery; it is no longer stored.
UPDATE deliveries SET status = CASE WHEN round_attempts > 0 THEN 'failed' ELSE 'pending' END WHERE status = 'delivering';

-- Indexed locked_until on every claim, for a sweep of expired leases that claims now do themselves.
DROP INDEX deliveries_leased;

-- The same deliveries as before, named by the states that are stored. event_id is never null: the second condition
-- makes the predicate one that only a query naming event_id implies, so that the claim's walk of the due queue, whose
-- conditions imply the first, is never planned over this index (with stale estimates both look empty, and a claim
-- through this one reads every open delivery).
DROP INDEX deliveries_open_by_event;
CREATE INDEX deliveries_open_by_event ON deliveries (event_id) WHERE status IN ('pending', 'failed') AND event_id IS NOT NULL;

-- Room on each page for the claim's new row versions, which a heap-only update must find on the same page. A burst
-- inserts an event's deliveries side by side and a claim takes the oldest of each endpoint, so it often takes every
-- row of a page at once: half of each page is kept for that. The old versions are pruned once the claim commits.
ALTER TABLE deliveries SET (fillfactor = 50);
