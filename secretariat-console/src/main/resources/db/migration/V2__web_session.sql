-- The session table is web-support's DatabaseTokenStateManager's, named alike in every web application.
ALTER TABLE console_session RENAME TO web_session;
ALTER INDEX console_session_expires_at RENAME TO web_session_expires_at;
