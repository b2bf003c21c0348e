-- The signed-in users' tokens (web-support's DatabaseTokenStateManager). The browser's session cookie holds a random
-- secret; a row is found by that secret's SHA-256 and its tokens are encrypted with a key derived from it, so this
-- table alone lets nobody act as a user.
CREATE TABLE web_session (
    id_hash    BYTEA PRIMARY KEY,
    tokens     BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX web_session_expires_at ON web_session (expires_at);
