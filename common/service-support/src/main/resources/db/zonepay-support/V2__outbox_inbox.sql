-- The transactional outbox: events written in the same transaction as the state change they announce, published to
-- Kafka afterwards and deleted once Kafka has them.
create table outbox (
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

-- The inbox: the events each consumer has processed, so that a redelivered event changes nothing.
create table inbox (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

create index inbox_by_age on inbox (processed_at);
