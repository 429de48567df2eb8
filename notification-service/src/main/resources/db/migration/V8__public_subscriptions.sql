-- Public (keyless) subscriptions from the status page.
-- A webhook subscribed from the page names a contact address: it confirms the subscription and is told when the
-- endpoint is disabled for failing. Null for every other subscription.
ALTER TABLE subscriptions ADD COLUMN contact_email text;

-- The pending public webhook subscriptions of a contact address: a new request replaces them.
CREATE INDEX subscriptions_pending_contact ON subscriptions (lower(contact_email))
    WHERE contact_email IS NOT NULL AND status = 'pending_confirmation';

-- Every admitted public subscription request, by kind (client: the client address; address: the email address) and
-- the SHA-256 of the key, never the key itself: counts the requests of the last hour against the public limits,
-- whichever instance took them. A refused request is not recorded, so a flood adds no rows. Rows older than the
-- hour are removed by the next request.
CREATE TABLE public_requests (
    kind         text        NOT NULL,
    key_sha256   bytea       NOT NULL,
    requested_at timestamptz NOT NULL
);

CREATE INDEX public_requests_by_key ON public_requests (kind, key_sha256, requested_at);
CREATE INDEX public_requests_by_time ON public_requests (requested_at);
