-- Every confirmation email asked for, by the SHA-256 of the lower-cased address (not the address itself):
-- counts the confirmation emails an address got in the last hour, against the resend limit, whichever
-- instance took the request. Rows older than the hour are removed by the next request, whatever its address.
CREATE TABLE confirmation_requests (
    address_sha256  bytea       NOT NULL,
    subscription_id uuid        NOT NULL,
    requested_at    timestamptz NOT NULL
);

CREATE INDEX confirmation_requests_by_address ON confirmation_requests (address_sha256, requested_at);
CREATE INDEX confirmation_requests_by_time ON confirmation_requests (requested_at);

-- The pending email subscriptions of an address: a request like one of them reuses it.
CREATE INDEX subscriptions_pending_email ON subscriptions (lower(target))
    WHERE channel = 'email' AND status = 'pending_confirmation';

-- Subscriptions are listed oldest first, a page at a time.
CREATE INDEX subscriptions_listed ON subscriptions (created_at, id) WHERE status <> 'deleted';
