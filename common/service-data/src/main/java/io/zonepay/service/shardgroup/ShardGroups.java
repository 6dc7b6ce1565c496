package io.zonepay.service.shardgroup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;

/** Which shard group holds each shard, and where each group's database is. Immutable. */
public final class ShardGroups {

	private final ShardGroupId home;

	private final ShardGroupId[] groupOfShard = new ShardGroupId[Shard.COUNT];

	private final Map<ShardGroupId, String> urls = new LinkedHashMap<>();

	/**
	 * @param home the group whose database is the service's own
	 * ({@code spring.datasource}); it holds every shard the catalog does not place
	 * elsewhere
	 */
	public ShardGroups(ShardGroupId home, Map<String, ShardGroupProperties.Group> catalog) {
		this.home = home;
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

	public ShardGroupId groupOf(Shard shard) {
		return groupOfShard[shard.value()];
	}

	public boolean sameGroup(Shard one, Shard other) {
		return groupOf(one).equals(groupOf(other));
	}

	/** The JDBC URL of a group other than the home group, when the catalog names one. */
	Optional<String> url(ShardGroupId group) {
		return Optional.ofNullable(urls.get(Objects.requireNonNull(group)));
	}

}
