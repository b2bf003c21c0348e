-- Which form of the contributor's document is published: AS_RECEIVED, METADATA_REMOVED (a copy review-service made
-- with the embedded metadata removed) or REDACTED (a reviewer's redacted copy). Older decisions name none: as received.
alter table contribution_document
    add column variant varchar(30) not null default 'AS_RECEIVED';
