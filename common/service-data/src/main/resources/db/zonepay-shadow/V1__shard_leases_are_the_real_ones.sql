-- Shadow writes are fenced by the real shard leases: a zone that lost a shard commits neither real nor shadow writes
-- for it. The shard_leases table the lease migration made in this schema is replaced by a view of the real one, which
-- the fence (zonepay_fence, the same function here as in the real schema) reads and locks in key-share mode as it
-- does there. Shadow work may read the real leases but never change them. A later migration of the lease table must
-- leave this schema's view alone (or recreate it here).
drop table shard_leases;

create view shard_leases as
select shard, owner_zone, epoch, released, updated_at
from ${realSchema}.shard_leases;

create function zonepay_shadow_leases_are_read_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'shadow traffic never changes a shard lease' using errcode = 'ZP403';
end;
$$;

create trigger shard_leases_read_only
    instead of insert or update or delete on shard_leases
    for each row execute function zonepay_shadow_leases_are_read_only();
