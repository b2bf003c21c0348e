-- Contributions approved for publication, from review decisions, and the public copies of their documents.
-- A row exists per submission from its first decision (or retraction) on: later repeats change nothing.
create table contribution (
    id                 uuid          primary key,
    version            bigint        not null,
    submission_id      uuid          not null unique,
    call_id            uuid          not null,
    -- PENDING (documents being copied or call not known yet), PUBLISHED, REFUSED, RETRACTED
    status             varchar(20)   not null,
    decision           varchar(30),
    anonymised         boolean       not null default false,
    organisation_name  varchar(300),
    submitter_category varchar(40),
    country            varchar(2),
    language           varchar(10),
    themes             jsonb,
    title              varchar(300),
    summary            varchar(4000),
    links              jsonb,
    co_submitters      jsonb,
    received_at        timestamptz,
    decided_at         timestamptz,
    published_at       timestamptz,
    retracted_at       timestamptz,
    status_reason      varchar(200),
    attempts           integer       not null default 0,
    -- when the publication job looks at a PENDING contribution again; null while it waits for its call
    next_attempt_at    timestamptz,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);
create index contribution_call on contribution (call_id, status);
create index contribution_due on contribution (next_attempt_at) where status = 'PENDING';
create index contribution_published on contribution (published_at) where status = 'PUBLISHED';

create table contribution_document (
    id               uuid          primary key,
    contribution_id  uuid          not null references contribution (id) on delete cascade,
    position         integer       not null,
    role             varchar(10)   not null,
    source_bucket    varchar(63)   not null,
    source_key       varchar(1024) not null,
    file_name        varchar(255)  not null,
    content_type     varchar(150)  not null,
    size_bytes       bigint        not null,
    sha256           char(64)      not null,
    -- PENDING, COPIED (object_key holds the public copy), MISMATCH, MISSING
    state            varchar(20)   not null,
    object_key       varchar(200),
    copied_at        timestamptz
);
create index contribution_document_of on contribution_document (contribution_id, position);
