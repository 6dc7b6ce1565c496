-- The writer's term: which GZone may write global data. A standby that is promoted writes under a term one higher
-- than any it has seen; every change and heartbeat on the log carries the term it was written under, and every
-- reader of the log ignores a message from a term older than one it has seen, so an old GZone that comes back can
-- never write again (see io.zonepay.config.global.Writer).
alter table global_version add column term bigint not null default 1 check (term >= 1);

alter table change_log add column term bigint not null default 1 check (term >= 1);

-- The newest term a copy has seen on the log.
alter table replica_watermark add column term bigint not null default 1 check (term >= 1);
