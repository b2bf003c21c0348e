-- Keys that sign receipts. Production passes its key through configuration (submission.receipts.signing-key);
-- a key generated here serves local and test runs. Old keys stay so that old receipts still verify.
create table signing_key (
    kid        varchar(64) primary key,
    jwk        text        not null,
    created_at timestamptz not null
);

-- The signed receipt, exactly as issued.
alter table submission add column receipt_jws text;

-- Idempotency-Key (IETF httpapi draft): the first response to a key is replayed for the same request.
create table idempotency_key (
    principal         varchar(200) not null,
    idempotency_key   varchar(255) not null,
    fingerprint       char(64)     not null,
    state             varchar(12)  not null,
    response_status   integer,
    response_type     varchar(100),
    response_location varchar(500),
    response_body     text,
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    primary key (principal, idempotency_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
