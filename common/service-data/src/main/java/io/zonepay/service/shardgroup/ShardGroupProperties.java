package io.zonepay.service.shardgroup;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The catalog of shard groups this service may serve, by group id: which shards each
 * holds and where its database is. Static data of a deployment, like the database hosts
 * themselves. Without a catalog the service's own database ({@code spring.datasource}) is
 * its only shard group and holds every shard, as in a single-zone test.
 *
 * @param catalog every shard group of the deployment, by id
 * @param connectAll keep a pool on every group's database from the start, as a service
 * instance that may serve any shard must: the non-unitized deployment the connection
 * benchmark compares cells with ({@code deploy/bench/connections.sh}), never the default
 * @param urlTemplate the JDBC URL of this service's database of a group the catalog does
 * not name, with {@code {group}} for the group's id: a group a live split made after the
 * service started ({@code jdbc:postgresql://db:5432/{group}_account})
 */
@ConfigurationProperties("zonepay.shard-groups")
public record ShardGroupProperties(@Nullable Map<String, Group> catalog, boolean connectAll,
		@Nullable String urlTemplate) {

	public ShardGroupProperties {
		catalog = catalog == null ? Map.of() : Map.copyOf(catalog);
	}

	/**
	 * One shard group.
	 *
	 * @param shards the shards it holds, such as {@code 0-24}
	 * @param url the JDBC URL of this service's database of the group; the pool's other
	 * settings are the service's own
	 */
	public record Group(String shards, String url) {
	}
}
