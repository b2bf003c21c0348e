create table review_case (
    id                 uuid          primary key,
    version            bigint        not null,
    submission_id      uuid          not null unique,
    reference          varchar(60),
    call_id            uuid,
    call_slug          varchar(80),
    organisation_id    varchar(100),
    organisation_name  varchar(300),
    submitter_category varchar(40),
    country            char(2),
    contact_name       varchar(200),
    contact_email      varchar(254),
    language           varchar(10),
    themes             jsonb,
    title              varchar(300),
    summary            varchar(4000),
    links              jsonb,
    co_submitters      jsonb,
    consent            varchar(30),
    late               boolean       not null default false,
    received_at        timestamptz,
    status             varchar(20)   not null,
    withdrawn_at       timestamptz,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);
create index review_case_call on review_case (call_id, status);

create table case_document (
    id            uuid         primary key,
    case_id       uuid         not null references review_case (id) on delete cascade,
    role          varchar(10)  not null,
    bucket        varchar(63)  not null,
    object_key    varchar(200) not null,
    file_name     varchar(255) not null,
    content_type  varchar(150) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    integrity     varchar(20)  not null,
    attempts      integer      not null default 0,
    next_check_at timestamptz  not null,
    checked_at    timestamptz
);
create index case_document_pending on case_document (next_check_at) where integrity = 'PENDING';
