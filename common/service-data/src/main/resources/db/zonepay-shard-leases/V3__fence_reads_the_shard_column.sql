-- The fence reads the row's shard column (or its id) directly instead of through to_jsonb of the whole row: the
-- conversion was half of the fence's cost (a million-row pgbench of two fenced updates per transaction: 3,871 -> 4,344
-- transactions/s, with no fence 4,713-5,076), and a payment writes about nine fenced rows, risk_features' JSON
-- state among them. Each branch is its own statement, planned only when taken, so a table without a shard column
-- never plans new.shard. Any other column named by a trigger still works, through to_jsonb.
create or replace function zonepay_fence() returns trigger
    language plpgsql as
$$
declare
    row_shard int;
    zone      text := current_setting('zonepay.zone', true);
begin
    if tg_argv[0] = 'shard' then
        row_shard := coalesce(new.shard, old.shard);
    elsif tg_argv[0] = 'id' then
        row_shard := (coalesce(new.id, old.id) % 100)::int;
    else
        row_shard := ((to_jsonb(coalesce(new, old)) ->> tg_argv[0])::bigint % 100)::int;
    end if;
    perform 1 from shard_leases where shard = row_shard and owner_zone = zone and not released for key share;
    if not found then
        raise exception 'shard % is not leased to zone %', row_shard, coalesce(nullif(zone, ''), '(none)')
            using errcode = 'ZP421', hint = 'the shard has moved to another zone';
    end if;
    return coalesce(new, old);
end;
$$;
