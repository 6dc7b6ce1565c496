-- A service's own table, written per shard: the lease migration fences it.
create table orders (id bigint primary key, note text);
