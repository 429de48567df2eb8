-- Local accounts of the console. Passwords are stored as DelegatingPasswordEncoder hashes ({argon2}…), never in plain text.
CREATE TABLE accounts (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(500) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('viewer', 'responder', 'admin')),
    must_change   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
