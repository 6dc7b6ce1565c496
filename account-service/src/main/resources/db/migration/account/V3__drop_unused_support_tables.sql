-- Until service-support was split by feature, every service's database got the outbox and the inbox, which
-- account-service never used: they go. Its idempotency keys and shard leases stay, migrated by service-data under
-- histories of their own, so the shared history (zonepay_support_history) goes too.
drop table if exists outbox;
drop table if exists inbox;
drop table if exists zonepay_support_history;
