-- The W3C trace context of the request that wrote each event (ADR 0007). The relay sends it on as the
-- record's traceparent and tracestate headers, so consumers continue that request's trace. Null when
-- the event was written outside a trace, and for rows written before this migration.
ALTER TABLE outbox ADD COLUMN traceparent text, ADD COLUMN tracestate text;
