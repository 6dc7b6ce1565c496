-- One payment, statement for statement as ZonePay issues it (captured with org.springframework.jdbc.core at debug
-- level; payment-, order- and account-service's as their *CostIntegrationTests log them), in the same transactions.
-- Three stand-ins: nextval() takes the place of the id generator (which needs no database), "returning id" on the
-- outbox insert lets the relay's delete below name the row the relay would have read, and an advisory lock serializes
-- the relay's transactions as its single leader does. The merchant's cached look-up at the
-- CZone (at most once a second per merchant) is left out.
select nextval('bench_payments') as n \gset
\set pid :n * 100 + 7
\set uid ((:n % 10000) + 1) * 100 + 7
\set mid (:n % 50) + 1

-- order-service: GET /internal/orders/{id}, asked before payment-service's first transaction (autocommit)
select id, user_id, merchant_id, amount, currency, description, status, payment_id, refunded_amount, created_at, updated_at, version from orders where id = :pid;
-- payment-service: claim the Idempotency-Key, the velocity rule, record it PENDING, one transaction (PaymentFlow.pay):
-- the insert gives way on any unique index (the request's key, the order's live payment) instead of looking first
begin;
insert into idempotency_keys (caller, idempotency_key, fingerprint, state, claim_token, locked_until, created_at)
values ('user:' || :uid::text, 'bench-' || :pid::text, '5e2cd1a07c0b8e04d9ef4a9e5b8b9ab5c3f2b2fa8cc1b7e6e06a2d5c2c7f6e91', 'IN_FLIGHT', gen_random_uuid(), now() + 30000 * interval '1 millisecond', now())
on conflict (caller, idempotency_key) do update
    set claim_token = excluded.claim_token, locked_until = excluded.locked_until
    where idempotency_keys.state = 'IN_FLIGHT' and idempotency_keys.locked_until < now()
      and idempotency_keys.fingerprint = excluded.fingerprint
returning claim_token as token \gset
select count(p1_0.id) from payments p1_0 where p1_0.user_id=:uid and p1_0.created_at>now() - interval '1 minute';
insert into payments (id, order_id, user_id, merchant_id, amount, currency, status, failure_code,
    refunded_amount, refunding_amount, request_key, created_at, updated_at, version)
values (:pid, :pid, :uid, :mid, 100, 'CNY', 'PENDING', null, 0, 0, 'user:' || :uid::text || ':' || 'bench-' || :pid::text, now(), now(), 0)
on conflict do nothing;
commit;

-- account-service: POST /internal/postings. The shard group's ledger writer posts whatever postings are queued, up to
-- 64, in one transaction (group commit); a payment that finds nothing queued with it, as here, is a batch of one. Each
-- statement takes one array element per posting or per account. The accounts are found and locked in id order by one
-- statement and the batch is planned in memory; one statement writes the postings and their entries, and each account
-- then changes once, by the sum of the batch's entries on it. The balance trigger checks the posting at commit. Two
-- stand-ins: the accounts' look-up folds its rows into one for \gset, and the entries take their balances from the
-- accounts where the writer has them from its plan.
begin;
select id from users where id = any(array[:uid]::bigint[]);
select id, reference, kind, created_at from postings where reference = any(array['payment:' || :pid::text]::varchar[]);
with locked as (
    select a.id, a.kind, a.owner_id, a.currency, a.balance from accounts a
    join unnest(array['USER', 'MERCHANT']::varchar[], array[:uid, :mid]::bigint[], array['CNY', 'CNY']::char(3)[])
        as n(kind, owner_id, currency)
        on a.kind = n.kind and a.owner_id = n.owner_id and a.currency = n.currency
    order by a.id for update of a)
select min(id) filter (where kind = 'USER') as ua, min(id) filter (where kind = 'MERCHANT') as ma from locked \gset
with posted as (
    insert into postings (id, reference, kind, shard, created_at)
    select id, reference, kind, shard, now()
    from unnest(array[:pid]::bigint[], array['payment:' || :pid::text]::varchar[], array['PAYMENT']::varchar[],
                array[7]::smallint[]) as p(id, reference, kind, shard)
    on conflict (reference) do nothing
    returning id),
booked as (
    insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)
    select posting_id, account_id, amount, currency, balance_after, now()
    from unnest(array[:pid, :pid]::bigint[], array[:ua, :ma]::bigint[], array[-100, 100]::bigint[],
                array['CNY', 'CNY']::char(3)[],
                array[(select balance - 100 from accounts where id = :ua), (select balance + 100 from accounts where id = :ma)]::bigint[])
        with ordinality as e(posting_id, account_id, amount, currency, balance_after, booked)
    where posting_id in (select id from posted)
    order by booked)
select count(*) from posted;
update accounts a set balance = a.balance + c.delta
from unnest(array[:ua, :ma]::bigint[], array[-100, 100]::bigint[]) as c(id, delta)
where a.id = c.id and (a.kind in ('FUNDING', 'TRANSIT') or a.balance + c.delta >= 0)
returning a.id, a.balance;
commit;

-- payment-service: SUCCEEDED (only from PENDING, no read first), its event and the stored answer, one transaction
begin;
update payments set status = 'SUCCEEDED', failure_code = null, updated_at = now(), version = version + 1
where id = :pid and status = 'PENDING';
insert into outbox (event_id, topic, kafka_partition, message_key, event_type, payload, headers)
values (gen_random_uuid(), 'zonepay.payments.events', 7, :pid, 'PaymentSucceeded', cast('{"paymentId": "390426291490272010", "orderId": "390426284183001610", "userId": "390426132178796810", "merchantId": "390426127912204800", "amount": 100, "currency": "CNY", "occurredAt": "2026-11-21T12:25:24.263064Z"}' as jsonb), cast('{"zonepay-event-id": "8a0c5b8e-9a51-4a8c-9d2e-4c54d3bd1f50", "zonepay-event-type": "PaymentSucceeded", "traceparent": "00-f2d4e4ada6759bda6c6e2a8a235e68a6-05f85204051bbf59-01"}' as jsonb))
returning id as oid \gset
update idempotency_keys
set state = 'COMPLETED', response_status = 201, response_type = 'application/json', response_body = '{"paymentId":"390426291490272010","orderId":"390426284183001610","amount":100,"currency":"CNY","status":"SUCCEEDED","failureCode": null,"refundedAmount":0,"createdAt":"2026-11-21T12:25:24.263064Z"}', response_location = '/api/payments/390426291490272010', completed_at = now()
where caller = 'user:' || :uid::text and idempotency_key = 'bench-' || :pid::text and claim_token = :token and state = 'IN_FLIGHT';
commit;

-- payment-service's outbox relay: read, publish (Kafka, not here), delete. One relay runs per zone (it holds the
-- zone's leadership lock), so its transactions never overlap: the advisory lock gives the clients here the same turns.
begin;
select pg_advisory_xact_lock(7);
select id, topic, kafka_partition, message_key, payload, headers from outbox order by id limit 100 for update skip locked;
delete from outbox where id in (:oid);
commit;

-- order-service: PaymentSucceeded, with its inbox entry, one transaction; the update is guarded by the statuses a
-- payment moves an order from, with no read first
begin;
insert into inbox (consumer, event_id) values ('order-service', gen_random_uuid()) on conflict do nothing;
update orders set status = 'PAID', payment_id = :pid, updated_at = now(), version = version + 1
where id = :pid and status = any(array['CREATED', 'CANCELLED']::varchar[]);
commit;
