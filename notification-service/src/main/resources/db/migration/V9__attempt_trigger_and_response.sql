-- What started each attempt, and the start of what the receiver answered (issue 17).
-- attempt_trigger is what the next attempt of a delivery will record: 'scheduled', or the re-drive that queued it
-- again; it is not indexed, so its changes stay heap-only updates like the other columns of a claimed row.
ALTER TABLE deliveries ADD COLUMN attempt_trigger text NOT NULL DEFAULT 'scheduled'
    CHECK (attempt_trigger IN ('scheduled', 'manual_redrive', 'automatic_redrive'));

ALTER TABLE delivery_attempts ADD COLUMN trigger text NOT NULL DEFAULT 'scheduled'
    CHECK (trigger IN ('scheduled', 'manual_redrive', 'automatic_redrive'));
-- At most the first kilobyte of the answer's body, secrets redacted; null when there was no answer (or an email).
ALTER TABLE delivery_attempts ADD COLUMN response_body text CHECK (length(response_body) <= 1024);
