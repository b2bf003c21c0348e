create table call_for_input (
    id                   uuid         primary key,
    version              bigint       not null,
    slug                 varchar(80)  not null unique,
    reference_prefix     varchar(40)  not null,
    mandate              varchar(200) not null,
    title                jsonb        not null,
    description          jsonb        not null,
    themes               jsonb        not null,
    opens_at             timestamptz  not null,
    deadline_local       timestamp    not null,
    time_zone            varchar(60)  not null,
    deadline             timestamptz  not null,
    late_policy          varchar(20)  not null,
    grace_hours          integer      not null default 0,
    main_types           jsonb        not null,
    annex_types          jsonb        not null,
    max_file_bytes       bigint       not null,
    max_submission_bytes bigint       not null,
    max_files            integer      not null,
    publication_default  varchar(30)  not null,
    status               varchar(20)  not null,
    next_sequence        integer      not null default 1,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);
create index call_for_input_status on call_for_input (status);

create table submission (
    id                uuid          primary key,
    version           bigint        not null,
    call_id           uuid          not null references call_for_input (id),
    organisation_id   varchar(100)  not null,
    organisation_name varchar(300)  not null,
    submitter_category varchar(40)  not null,
    country           char(2)       not null,
    contact_name      varchar(200)  not null,
    contact_email     varchar(254)  not null,
    language          varchar(10)   not null,
    themes            jsonb         not null,
    title             varchar(300)  not null,
    summary           varchar(4000),
    links             jsonb         not null,
    co_submitters     jsonb         not null,
    consent           varchar(30)   not null,
    status            varchar(20)   not null,
    reference         varchar(60)   unique,
    received_at       timestamptz,
    late              boolean       not null default false,
    created_by        varchar(100)  not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index submission_org on submission (organisation_id, created_at desc);
create index submission_call on submission (call_id);

create table document (
    id            uuid         primary key,
    submission_id uuid         not null references submission (id) on delete cascade,
    role          varchar(10)  not null,
    object_key    varchar(200) not null unique,
    file_name     varchar(255) not null,
    content_type  varchar(150) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    created_at    timestamptz  not null
);
create index document_submission on document (submission_id);
