-- The zone registry and the routing table: GZone data, changed only by the GZone.

create table zones (
    id         varchar(32) primary key,
    kind       varchar(8)  not null check (kind in ('RZONE', 'GZONE', 'CZONE')),
    city       varchar(32) not null,
    status     varchar(8)  not null check (status in ('UP', 'DOWN')),
    endpoints  jsonb       not null default '{}'
);

-- Which RZone serves each shard. Every change of it comes with a higher epoch.
create table shard_assignments (
    shard   smallint    primary key check (shard between 0 and 99),
    zone_id varchar(32) not null references zones (id)
);

create table routing_epoch (
    id    smallint primary key check (id = 1),
    epoch bigint   not null check (epoch >= 1)
);
