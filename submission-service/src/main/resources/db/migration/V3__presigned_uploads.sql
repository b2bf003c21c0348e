-- Uploads announced for a presigned PUT straight to object storage, waiting for their confirmation.
create table pending_upload (
    id              uuid         primary key,
    submission_id   uuid         not null references submission (id) on delete cascade,
    role            varchar(10)  not null,
    object_key      varchar(200) not null unique,
    file_name       varchar(255) not null,
    declared_size   bigint       not null,
    declared_sha256 char(64)     not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null
);
create index pending_upload_expiry on pending_upload (expires_at);
