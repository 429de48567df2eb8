-- Responders' channels may opt in to internal incidents (those alerts open before anyone publishes them).
ALTER TABLE subscriptions ADD COLUMN include_internal boolean NOT NULL DEFAULT false;
