-- Transfers paid from this shard group's users. A transfer lives in its payer's shard; its payee may live anywhere.
create table transfers (
    id           bigint       primary key check (id > 0),
    from_user_id bigint       not null check (from_user_id > 0),
    to_user_id   bigint       not null check (to_user_id > 0),
    amount       bigint       not null check (amount > 0),
    currency     char(3)      not null,
    -- SAME_GROUP: one posting payer -> payee. CROSS_GROUP: payer -> transit here, transit -> payee in the payee's zone.
    route        varchar(12)  not null check (route in ('SAME_GROUP', 'CROSS_GROUP')),
    status       varchar(12)  not null check (status in ('PENDING', 'DEBITED', 'COMPLETED', 'FAILED')),
    failure_code varchar(40),
    -- The request that made the transfer (caller and Idempotency-Key): a retry resumes this transfer, never starts another.
    request_key  varchar(330) not null unique,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0,
    check (id % 100 = from_user_id % 100),
    check (from_user_id <> to_user_id),
    check ((status = 'FAILED') = (failure_code is not null)),
    -- Only money on its way to another zone waits in transit.
    check (status <> 'DEBITED' or route = 'CROSS_GROUP')
);

create index transfers_by_payer_and_time on transfers (from_user_id, created_at);
create index transfers_pending on transfers (created_at) where status = 'PENDING';
