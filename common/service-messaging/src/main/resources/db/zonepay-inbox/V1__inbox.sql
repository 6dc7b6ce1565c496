-- The inbox: the events each consumer has processed, so that a redelivered event changes nothing. Only in the
-- databases of services that consume events. "If not exists": a database migrated before service-messaging had its
-- own history (zonepay_support_history V1..V4) has the table already.
create table if not exists inbox (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

create index if not exists inbox_by_age on inbox (processed_at);
