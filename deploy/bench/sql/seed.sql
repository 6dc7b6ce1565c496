-- Data for the payment ceiling benchmark (payment-ceiling.sh), in one database that holds the tables of all three
-- RZone services: the statements of one payment touch no table name twice, so they run unchanged here.
-- Every business row lives in shard 7; :users users, 50 merchants, :orders orders waiting to be paid.
-- Every write checks the shard's lease (the zonepay_fence trigger), as in a zone: this database's zone, "bench", holds
-- shard 7, and every session of the benchmark says it is that zone (PGOPTIONS in payment-ceiling.sh).
insert into shard_leases (shard, owner_zone, epoch, released, updated_at) values (7, 'bench', 1, false, now());
select set_config('zonepay.zone', 'bench', false);
insert into users (id, name, shard, created_at)
select n * 100 + 7, 'bench ' || n, 7, now() from generate_series(1, :users) n;

-- Users' accounts first: the ledger locks accounts in id order, user before merchant, as it does in a zone whose
-- users existed before the merchant's first payment. Balances large enough never to run dry.
insert into accounts (kind, owner_id, currency, shard, balance)
select 'USER', n * 100 + 7, 'CNY', 7, 1000000000000 from generate_series(1, :users) n;
insert into accounts (kind, owner_id, currency, shard, balance)
select 'MERCHANT', m, 'CNY', 7, 0 from generate_series(1, 50) m;
insert into accounts (kind, owner_id, currency, shard, balance)
select 'FUNDING', 7, 'CNY', 7, -(select sum(balance) from accounts);

-- Order n is paid by the n-th payment of the run, by user (n mod :users) + 1, at merchant (n mod 50) + 1.
insert into orders (id, user_id, merchant_id, amount, currency, description, status, created_at, updated_at, version)
select n * 100 + 7, ((n % :users) + 1) * 100 + 7, (n % 50) + 1, 100, 'CNY', 'bench', 'CREATED', now(), now(), 0
from generate_series(1, :orders) n;

create sequence bench_payments;
vacuum analyze;
