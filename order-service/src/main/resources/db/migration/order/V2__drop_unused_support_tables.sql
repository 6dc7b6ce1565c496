-- Until service-support was split by feature, every service's database got the outbox, which order-service never used
-- (payment-service's is its own now): it goes. Its idempotency keys, inbox and shard leases stay, migrated by
-- service-data and service-messaging under histories of their own, so the shared history (zonepay_support_history)
-- goes too.
drop table if exists outbox;
drop table if exists zonepay_support_history;
