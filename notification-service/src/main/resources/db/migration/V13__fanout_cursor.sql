-- A fan-out longer than a page of subscriptions commits page by page: while it is under way, every active subscription
-- up to this id (in uuid order) has the event's delivery, and the rest have not been read yet. NULL once complete. A
-- redelivered event with a cursor goes on from it (the offset of its record is committed only once it is complete).
ALTER TABLE seen_events ADD COLUMN fanout_after uuid;
