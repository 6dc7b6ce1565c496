-- The orders of this shard group's users. An order lives in its buyer's shard: its id ends in the buyer's shard.
create table orders (
    id              bigint       primary key check (id > 0),
    user_id         bigint       not null check (user_id > 0),
    merchant_id     bigint       not null check (merchant_id > 0),
    amount          bigint       not null check (amount > 0),
    currency        char(3)      not null,
    description     varchar(200) not null,
    status          varchar(20)  not null check (status in ('CREATED', 'PAID', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    payment_id      bigint,
    refunded_amount bigint       not null default 0,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0,
    check (id % 100 = user_id % 100),
    check (refunded_amount between 0 and amount),
    -- A paid or refunded order always knows its payment.
    check (status not in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED') or payment_id is not null)
);

create index orders_by_user on orders (user_id, id desc);
