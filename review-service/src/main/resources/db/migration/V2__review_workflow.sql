-- Calls as announced by submission-service: reviewers tag cases with their thematic areas.
create table review_call (
    id         uuid         primary key,
    version    bigint       not null,
    slug       varchar(80)  not null,
    title      jsonb        not null,
    themes     jsonb        not null,
    updated_at timestamptz  not null
);

-- The reviewer workflow on a case: assignment, screening, decision.
alter table review_case
    add column assignee          varchar(100),
    add column in_mandate        boolean,
    add column screening_reason  varchar(40),
    add column screening_note    varchar(4000),
    add column tags              jsonb         not null default '[]',
    add column personal_data     boolean       not null default false,
    add column sensitive_data    boolean       not null default false,
    add column screened_by       varchar(100),
    add column screened_at       timestamptz,
    add column decision          varchar(40),
    add column decision_reason   varchar(4000),
    add column proposed_by       varchar(100),
    add column proposed_at       timestamptz,
    add column approved_by       varchar(100),
    add column decided_at        timestamptz,
    add column retracted_at      timestamptz,
    -- Full-text search: the case's reference, organisation, title and summary (at intake), then each document's
    -- extracted text as it comes; and the stemming configuration of the case's language.
    add column search            tsvector,
    add column search_config     varchar(20);

create index review_case_received on review_case (received_at desc) where received_at is not null;
create index review_case_call_received on review_case (call_id, received_at desc);
create index review_case_assignee on review_case (assignee);
create index review_case_themes on review_case using gin (themes jsonb_path_ops);
create index review_case_search on review_case using gin (search);

-- Extracted text of each document (Apache Tika), and the redacted copy a reviewer uploaded.
alter table case_document
    add column text_state             varchar(20)  not null default 'PENDING',
    add column text_language          varchar(10),
    add column text_content           text,
    add column text_truncated         boolean      not null default false,
    add column text_error             varchar(500),
    add column redacted_key           varchar(200),
    add column redacted_file_name     varchar(255),
    add column redacted_content_type  varchar(150),
    add column redacted_size          bigint,
    add column redacted_sha256        char(64),
    add column redacted_by            varchar(100),
    add column redacted_at            timestamptz;

create index case_document_case on case_document (case_id);

create table case_comment (
    id         uuid          primary key,
    case_id    uuid          not null references review_case (id),
    author     varchar(100)  not null,
    body       varchar(4000) not null,
    created_at timestamptz   not null
);
create index case_comment_case on case_comment (case_id, created_at);

-- Conflicts of interest a reviewer declared: an organisation (by name) or a country (ISO 3166 alpha-2).
create table reviewer_conflict (
    id         uuid         primary key,
    reviewer   varchar(100) not null,
    kind       varchar(20)  not null,
    value      varchar(300) not null,
    created_at timestamptz  not null
);
create unique index reviewer_conflict_unique on reviewer_conflict (reviewer, kind, lower(value));

-- Append-only audit trail, hash-chained: hash = SHA-256 of the previous hash and this entry's content.
create table audit_entry (
    seq          bigserial     primary key,
    at           timestamptz   not null,
    actor        varchar(100)  not null,
    action       varchar(60)   not null,
    case_id      uuid,
    before_state text,
    after_state  text,
    prev_hash    char(64)      not null,
    hash         char(64)      not null unique
);
create index audit_entry_case on audit_entry (case_id, seq);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
