-- The email subscriptions of an address, whatever their state: an import of subscribers looks up a batch of
-- addresses at once (already subscribed, or unsubscribed and so left out), compared lower-cased.
CREATE INDEX subscriptions_email_address ON subscriptions (lower(target)) WHERE channel = 'email';
