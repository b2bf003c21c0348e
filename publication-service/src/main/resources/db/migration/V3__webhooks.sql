-- Webhooks (Standard Webhooks 1.0): subscriptions, one delivery per event and subscription (the webhook outbox,
-- written in the publishing transaction), and every attempt of every delivery (the delivery log).

create table webhook_subscription (
    id                    uuid          primary key,
    url                   varchar(2000) not null,
    -- event types the subscriber wants: publication.published, publication.retracted
    event_types           jsonb         not null,
    -- only this call's events when set
    call_id               uuid,
    description           varchar(200),
    active                boolean       not null,
    -- why an inactive subscription was disabled (an admin, or the receiver answered 410 Gone)
    disabled_reason       varchar(300),
    -- signing secrets, AES-256-GCM encrypted (never returned after the create/rotate response)
    secret                varchar(200)  not null,
    previous_secret       varchar(200),
    previous_secret_until timestamptz,
    secret_rotated_at     timestamptz,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null
);

create table webhook_delivery (
    id               uuid         primary key,
    subscription_id  uuid         not null references webhook_subscription (id) on delete cascade,
    -- webhook-id header: one per event, the same for every subscription and every attempt
    message_id       varchar(40)  not null,
    event_type       varchar(60)  not null,
    call_id          uuid,
    -- the exact bytes that are signed and sent (text, not jsonb: jsonb would reformat them)
    body             text         not null,
    -- PENDING, SENDING (claimed; next_attempt_at is the lease), DELIVERED, FAILED
    status           varchar(20)  not null,
    -- attempts in the current round of the retry schedule (a manual redelivery starts a new round)
    attempts         integer      not null,
    next_attempt_at  timestamptz  not null,
    created_at       timestamptz  not null,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(500),
    delivered_at     timestamptz,
    unique (subscription_id, message_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status in ('PENDING', 'SENDING');
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc);

create table webhook_attempt (
    id           uuid         primary key,
    delivery_id  uuid         not null references webhook_delivery (id) on delete cascade,
    -- 1, 2, ... over the delivery's whole life, manual redeliveries included
    number       integer      not null,
    attempted_at timestamptz  not null,
    duration_ms  bigint       not null,
    status_code  integer,
    error        varchar(500),
    -- DELIVERED, RETRY, FAILED, GONE
    outcome      varchar(20)  not null,
    unique (delivery_id, number)
);

-- The key that encrypts signing secrets when none is configured (local and test runs only).
create table webhook_encryption_key (
    id          integer      primary key,
    key_base64  varchar(100) not null,
    created_at  timestamptz  not null
);
