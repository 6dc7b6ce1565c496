-- Payments and refunds of this shard group's users. A payment lives in its payer's shard.
create table payments (
    id              bigint      primary key check (id > 0),
    order_id        bigint      not null,
    user_id         bigint      not null check (user_id > 0),
    merchant_id     bigint      not null check (merchant_id > 0),
    amount          bigint      not null check (amount > 0),
    currency        char(3)     not null,
    status          varchar(12) not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    failure_code    varchar(40),
    refunded_amount bigint      not null default 0,
    refunding_amount bigint     not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    check (id % 100 = user_id % 100),
    check ((status = 'FAILED') = (failure_code is not null)),
    -- Refunds never exceed the payment, counting the ones in flight.
    check (refunded_amount >= 0 and refunding_amount >= 0 and refunded_amount + refunding_amount <= amount)
);

-- An order is paid at most once: one payment per order that is not FAILED.
create unique index payments_one_live_per_order on payments (order_id) where status <> 'FAILED';
create index payments_by_user_and_time on payments (user_id, created_at);
create index payments_pending on payments (created_at) where status = 'PENDING';

create table refunds (
    id           bigint      primary key check (id > 0),
    payment_id   bigint      not null references payments (id),
    amount       bigint      not null check (amount > 0),
    status       varchar(12) not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    failure_code varchar(40),
    -- The request that asked for the refund (caller and Idempotency-Key): a retry resumes this refund, never starts another.
    request_key  varchar(330) not null unique,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0,
    check (id % 100 = payment_id % 100),
    check ((status = 'FAILED') = (failure_code is not null))
);

create index refunds_by_payment on refunds (payment_id);
create index refunds_pending on refunds (created_at) where status = 'PENDING';
