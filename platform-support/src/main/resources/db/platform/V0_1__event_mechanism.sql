-- The one event mechanism of every service (platform-support): a transactional outbox and the ids of
-- consumed events. Services put their own migrations in db/migration, versions 1 and up.
create table outbox_event (
    seq          bigserial    primary key,
    id           uuid         not null unique,
    topic        varchar(100) not null,
    aggregate_id varchar(100) not null,
    type         varchar(100) not null,
    payload      jsonb        not null,
    occurred_at  timestamptz  not null,
    sent_at      timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

create table processed_event (
    event_id     varchar(200) primary key,
    type         varchar(100) not null,
    processed_at timestamptz  not null
);
