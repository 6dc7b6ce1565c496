-- The users of this shard group and their double-entry ledger.

create table users (
    id         bigint       primary key check (id > 0),
    name       varchar(100) not null,
    shard      smallint     not null check (shard between 0 and 99),
    created_at timestamptz  not null,
    check (id % 100 = shard)
);

-- One account per kind, owner and currency. The owner is a user id (USER), a merchant id (MERCHANT) or the shard
-- (FUNDING, TRANSIT). Only the funding account, the outside world's side of every top-up, may go negative.
create table accounts (
    id         bigserial   primary key,
    kind       varchar(16) not null check (kind in ('USER', 'FUNDING', 'MERCHANT', 'TRANSIT')),
    owner_id   bigint      not null,
    currency   char(3)     not null,
    shard      smallint    not null check (shard between 0 and 99),
    balance    bigint      not null default 0,
    created_at timestamptz not null default now(),
    unique (kind, owner_id, currency),
    constraint balance_never_negative check (balance >= 0 or kind = 'FUNDING')
);

-- A posting is one balanced movement of money; its reference makes a retried posting the same posting.
create table postings (
    id         bigint       primary key check (id > 0),
    reference  varchar(128) not null unique,
    kind       varchar(32)  not null,
    shard      smallint     not null check (shard between 0 and 99),
    created_at timestamptz  not null
);

create table entries (
    id            bigserial   primary key,
    posting_id    bigint      not null references postings (id),
    account_id    bigint      not null references accounts (id),
    amount        bigint      not null check (amount <> 0),
    currency      char(3)     not null,
    balance_after bigint      not null,
    created_at    timestamptz not null
);

create index entries_by_posting on entries (posting_id);
create index entries_by_account on entries (account_id, id desc);

-- Double entry, enforced by the database as well as the code: when a transaction commits, the entries of every
-- posting it touched sum to zero in each currency.
create function entries_balance_per_posting() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1
               from entries
               where posting_id = new.posting_id
               group by currency
               having sum(amount) <> 0) then
        raise exception 'posting % does not balance', new.posting_id using errcode = '23514';
    end if;
    return null;
end;
$$;

create constraint trigger postings_balance
    after insert on entries
    deferrable initially deferred
    for each row execute function entries_balance_per_posting();
