-- The signed-in users' tokens (DatabaseTokenStateManager). The browser's session cookie holds a random secret;
-- a row is found by that secret's SHA-256 and its tokens are encrypted with a key derived from it, so this table
-- alone lets nobody act as a user.
CREATE TABLE console_session (
    id_hash    BYTEA PRIMARY KEY,
    tokens     BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX console_session_expires_at ON console_session (expires_at);
