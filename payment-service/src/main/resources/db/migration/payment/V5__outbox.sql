-- The transactional outbox: events written in the same transaction as the state change they announce, published to
-- Kafka afterwards and deleted once Kafka has them. payment-service's own table since the outbox moved into it; until
-- then service-support created it (in every service's database) under its history, zonepay_support_history, which
-- goes: the idempotency keys, inbox and shard leases now have histories of their own. "If not exists": a database
-- migrated before has the table already.
create table if not exists outbox (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    kafka_partition int       not null check (kafka_partition >= 0),
    message_key  varchar(100) not null,
    event_type   varchar(100) not null,
    payload      jsonb        not null,
    headers      jsonb        not null default '{}',
    created_at   timestamptz  not null default now()
);

drop table if exists zonepay_support_history;
