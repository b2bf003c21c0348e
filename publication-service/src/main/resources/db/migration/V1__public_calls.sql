-- The public state of each call, as last announced by submission-service.
create table public_call (
    id          uuid         primary key,
    version     bigint       not null,
    slug        varchar(80)  not null unique,
    mandate     varchar(200) not null,
    title       jsonb        not null,
    description jsonb        not null,
    themes      jsonb        not null,
    opens_at    timestamptz  not null,
    deadline    timestamptz  not null,
    time_zone   varchar(60)  not null,
    status      varchar(20)  not null,
    updated_at  timestamptz  not null
);
