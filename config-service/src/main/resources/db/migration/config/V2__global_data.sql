-- Global data: written only by the GZone, in versioned transactions, and copied to every city's CZone.

-- Every write takes the next version from this single row inside its own transaction. The row stays locked until
-- the write commits, so versions are gap-free and commit in version order: the change log never has holes.
create table global_version (
    id           smallint    primary key check (id = 1),
    version      bigint      not null check (version >= 0),
    committed_at timestamptz not null
);

insert into global_version (id, version, committed_at) values (1, 0, now());

-- One row per write, in version order. The relay publishes it to Kafka; replicas apply it.
create table change_log (
    version      bigint      primary key check (version > 0),
    kind         varchar(16) not null,
    entity_key   varchar(64) not null,
    document     jsonb       not null,
    committed_at timestamptz not null
);

-- Every entity as readers see it (the document of its last change, and that change's version). The GZone keeps it
-- in the same transaction as the change; a CZone fills it from the change log. Reads in both roles come from here.
create table global_entities (
    kind       varchar(16) not null,
    entity_key varchar(64) not null,
    document   jsonb       not null,
    version    bigint      not null check (version > 0),
    primary key (kind, entity_key)
);

-- The typed tables of the GZone, which hold its invariants.
create table currencies (
    code         char(3)  primary key,
    minor_digits smallint not null check (minor_digits between 0 and 4),
    enabled      boolean  not null,
    version      bigint   not null
);

create table merchants (
    id       bigint       primary key check (id > 0),
    name     varchar(100) not null,
    currency char(3)      not null references currencies (code),
    status   varchar(16)  not null check (status in ('ACTIVE', 'INACTIVE')),
    version  bigint       not null
);

create table switches (
    name    varchar(100) primary key,
    value   varchar(100) not null,
    version bigint       not null
);

alter table routing_epoch add column version bigint not null default 0;

-- A CZone's position in the change log: the last version it applied, the GZone time up to which it is known to be
-- complete, the next Kafka offset to read, and how many changes it applied. Written with the data it describes.
create table replica_watermark (
    id              smallint    primary key check (id = 1),
    version         bigint      not null check (version >= 0),
    source_time     timestamptz not null,
    next_offset     bigint      not null check (next_offset >= 0),
    applied_changes bigint      not null default 0
);
