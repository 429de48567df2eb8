-- The W3C trace context in which each row was written (ADR 0007); null outside a trace and for rows
-- written before this migration.
-- An outbox row's is sent on as its record's traceparent and tracestate headers.
ALTER TABLE outbox ADD COLUMN traceparent text, ADD COLUMN tracestate text;
-- A delivery's is the consumer's span of the incident event (or the request that asked for a
-- confirmation email): each attempt's span is its child, and the webhook carries the attempt's.
ALTER TABLE deliveries ADD COLUMN traceparent text, ADD COLUMN tracestate text;
