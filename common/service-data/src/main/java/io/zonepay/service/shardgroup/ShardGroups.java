package io.zonepay.service.shardgroup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import org.jspecify.annotations.Nullable;

/**
 * Which shard group holds each shard, and where each group's database is. The groups come
 * from the routing table, where the GZone keeps the catalog and a live split changes it
 * by an epoch; a table without the catalog (and a service that has seen no table yet)
 * goes by the deployment's own ({@code zonepay.shard-groups.catalog}). A group the
 * deployment's catalog does not name, such as one a split just made, is found by the URL
 * template.
 */
public final class ShardGroups {

	private final ShardGroupId home;

	private final ShardGroupId[] groupOfShard = new ShardGroupId[Shard.COUNT];

	private final Map<ShardGroupId, String> urls = new LinkedHashMap<>();

	private final @Nullable String urlTemplate;

	private final Supplier<@Nullable RoutingTable> tables;

	/**
	 * @param home the group whose database is the service's own
	 * ({@code spring.datasource}); it holds every shard the catalog does not place
	 * elsewhere
	 */
	public ShardGroups(ShardGroupId home, Map<String, ShardGroupProperties.Group> catalog) {
		this(home, catalog, null, () -> null);
	}

	/**
	 * @param urlTemplate the JDBC URL of a group the catalog does not name, with
	 * {@code {group}} for its id
	 * @param tables the newest routing table this service knows, if any
	 */
	public ShardGroups(ShardGroupId home, Map<String, ShardGroupProperties.Group> catalog, @Nullable String urlTemplate,
			Supplier<@Nullable RoutingTable> tables) {
		this.home = home;
		this.urlTemplate = urlTemplate;
		this.tables = tables;
		catalog.forEach((id, group) -> {
			ShardGroupId groupId = ShardGroupId.of(id);
			urls.put(groupId, group.url());
			for (Shard shard : ShardSet.of(group.shards()).shards()) {
				if (groupOfShard[shard.value()] != null) {
					throw new IllegalArgumentException(
							"shard " + shard + " is in both " + groupOfShard[shard.value()] + " and " + groupId);
				}
				groupOfShard[shard.value()] = groupId;
			}
		});
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			if (groupOfShard[shard] == null) {
				groupOfShard[shard] = home;
			}
		}
	}

	/** A single group holding every shard: a service without a catalog. */
	public static ShardGroups single(ShardGroupId home) {
		return new ShardGroups(home, Map.of());
	}

	public ShardGroupId home() {
		return home;
	}

	/** The group that holds a shard at the newest routing epoch this service knows. */
	public ShardGroupId groupOf(Shard shard) {
		RoutingTable table = tables.get();
		if (table != null) {
			Optional<ShardGroupId> group = table.groupOf(shard);
			if (group.isPresent()) {
				return group.get();
			}
		}
		return groupOfShard[shard.value()];
	}

	public boolean sameGroup(Shard one, Shard other) {
		return groupOf(one).equals(groupOf(other));
	}

	/**
	 * The JDBC URL of a group other than the home group: the catalog's, or the
	 * template's.
	 */
	Optional<String> url(ShardGroupId group) {
		String url = urls.get(Objects.requireNonNull(group));
		if (url == null && urlTemplate != null) {
			url = urlTemplate.replace("{group}", group.value());
		}
		return Optional.ofNullable(url);
	}

}
