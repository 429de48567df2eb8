-- Chat channels (slack, teams, discord, google_chat, mattermost): the incoming-webhook URL is the credential, so it is
-- stored encrypted (AES-GCM, like the signing secrets) in target_sealed; target then holds only its redacted form
-- (scheme, host and the last four characters) and endpoint a digest of the URL instead of its path.
ALTER TABLE subscriptions ADD COLUMN target_sealed bytea;

-- The body a webhook subscription is sent: standard (Standard Webhooks, the default) or statuspage.
ALTER TABLE subscriptions ADD COLUMN format text NOT NULL DEFAULT 'standard';
