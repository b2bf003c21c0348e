-- What the document gate found in each document (hyperlinks, embedded metadata), read when the document is checked;
-- and the metadata-cleaned copy the platform makes for publication without the submitter's name.
alter table case_document
    add column facts              jsonb,
    add column facts_error        varchar(500),
    add column cleaned_key        varchar(200),
    add column cleaned_size       bigint,
    add column cleaned_sha256     char(64),
    add column cleaned_facts      jsonb,
    add column cleaned_by         varchar(100),
    add column cleaned_at         timestamptz;
