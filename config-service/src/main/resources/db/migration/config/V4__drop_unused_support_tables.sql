-- Until service-support was split by feature, every service's database got its tables, and config-service uses none
-- of them (it has no shard group, takes no idempotent requests, keeps no outbox and consumes no sharded topic).
drop table if exists idempotency_keys;
drop table if exists outbox;
drop table if exists inbox;
drop table if exists shard_leases;
drop function if exists zonepay_fence();
drop table if exists zonepay_support_history;
