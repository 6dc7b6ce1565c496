-- Idempotency-Key records of money-moving requests (IdempotentRequests), kept in the shard group's database of every
-- service that uses them, so that a retry after a zone failover still finds them. "If not exists": a database migrated
-- before service-data had its own history (zonepay_support_history V1..V4) has the table already.
create table if not exists idempotency_keys (
    caller          varchar(64)  not null,
    idempotency_key varchar(255) not null,
    fingerprint     char(64)     not null,
    state           varchar(12)  not null check (state in ('IN_FLIGHT', 'COMPLETED')),
    claim_token     uuid         not null,
    locked_until    timestamptz  not null,
    response_status int,
    response_type   varchar(100),
    response_body   text,
    created_at      timestamptz  not null,
    completed_at    timestamptz,
    primary key (caller, idempotency_key)
);

create index if not exists idempotency_keys_by_age on idempotency_keys (created_at);
