-- Shard leases: which zone may write each shard of this shard group. A zone takes a lease at the routing epoch that
-- gave it the shard, and releases it (after draining) when the routing table takes the shard away. Every write to a
-- shard's rows checks the lease in the same transaction (zonepay_fence below), so a zone that lost a shard cannot
-- commit for it, even a zombie that never heard of the new epoch. "If not exists" and "or replace" throughout: a database
-- migrated before service-data had its own history (zonepay_support_history V1..V4) has all of this already.
create table if not exists shard_leases (
    shard      smallint    primary key check (shard between 0 and 99),
    owner_zone varchar(32) not null,
    epoch      bigint      not null check (epoch >= 0),
    released   boolean     not null,
    updated_at timestamptz not null
);

-- The zone of a connection is set by its pool when the connection opens (set_config('zonepay.zone', ...)). The lease
-- row is read in key-share mode: taking the lease (select ... for update) waits for the writes in flight, and every
-- write after it sees the new owner.
create or replace function zonepay_fence() returns trigger
    language plpgsql as
$$
declare
    written    jsonb := to_jsonb(coalesce(new, old));
    row_shard  int;
    zone       text  := current_setting('zonepay.zone', true);
begin
    row_shard := case tg_argv[0]
                     when 'shard' then (written ->> 'shard')::int
                     else ((written ->> tg_argv[0])::bigint % 100)::int
                 end;
    perform 1 from shard_leases where shard = row_shard and owner_zone = zone and not released for key share;
    if not found then
        raise exception 'shard % is not leased to zone %', row_shard, coalesce(nullif(zone, ''), '(none)')
            using errcode = 'ZP421', hint = 'the shard has moved to another zone';
    end if;
    return coalesce(new, old);
end;
$$;

-- The business tables of the RZone services, with how each row names its shard. The service's own migrations run
-- before this one, so each service fences the tables it has; a service adding a sharded table fences it in the same
-- way (in V2 and later of this location).
do
$$
declare
    fenced record;
begin
    for fenced in select * from (values ('users', 'shard'), ('accounts', 'shard'), ('postings', 'shard'), ('orders', 'id'),
                                        ('payments', 'id'), ('refunds', 'id'), ('transfers', 'id')) as t(name, shard_of)
        loop
            if to_regclass(fenced.name) is not null then
                execute format('create or replace trigger %I before insert or update or delete on %I for each row execute function zonepay_fence(%L)',
                               fenced.name || '_fenced', fenced.name, fenced.shard_of);
            end if;
        end loop;
end;
$$;
